package dev.limber.organizations.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.directory.OrganizationService;

/**
 * The audit trail for org admins (their own organization) and platform operators (any
 * organization): pages newest first, filtered by action and time, and a CSV export.
 */
@RestController
class AuditController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final AuditReader reader;

	private final OrganizationService organizations;

	AuditController(AuditReader reader, OrganizationService organizations) {
		this.reader = reader;
		this.organizations = organizations;
	}

	@GetMapping("/api/v1/org/audit")
	Mono<AuditReader.AuditPage> own(@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		AuditFilter filter = new AuditFilter(action, from, to);
		return TenantContext.require().flatMap((tenant) -> this.reader.page(tenant, filter, page, size));
	}

	@GetMapping("/api/v1/org/audit/export")
	Mono<ResponseEntity<Flux<String>>> ownExport(@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		AuditFilter filter = new AuditFilter(action, from, to);
		return TenantContext.require().map((tenant) -> csv(this.reader.csv(tenant, filter)));
	}

	@GetMapping("/api/v1/admin/organizations/{id}/audit")
	Mono<AuditReader.AuditPage> operator(@PathVariable UUID id, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		AuditFilter filter = new AuditFilter(action, from, to);
		return existing(id).flatMap((tenant) -> this.reader.page(tenant, filter, page, size));
	}

	@GetMapping("/api/v1/admin/organizations/{id}/audit/export")
	Mono<ResponseEntity<Flux<String>>> operatorExport(@PathVariable UUID id,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		AuditFilter filter = new AuditFilter(action, from, to);
		return existing(id).map((tenant) -> csv(this.reader.csv(tenant, filter)));
	}

	private Mono<TenantId> existing(UUID id) {
		return this.organizations.find(new TenantId(id)).map((organization) -> organization.id());
	}

	static ResponseEntity<Flux<String>> csv(Flux<String> lines) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
			.body(lines);
	}

}
