package dev.limber.organizations.directory;

import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantId;

/** Platform operators onboard and maintain organizations. */
@RestController
@RequestMapping("/api/v1/admin/organizations")
class OrganizationAdminController {

	private final OrganizationService service;

	OrganizationAdminController(OrganizationService service) {
		this.service = service;
	}

	@GetMapping
	Flux<OrganizationView> list() {
		return this.service.all().map(OrganizationView::of);
	}

	@GetMapping("/{id}")
	Mono<OrganizationView> get(@PathVariable UUID id) {
		return this.service.find(new TenantId(id)).map(OrganizationView::of);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<OrganizationView> create(@Valid @RequestBody OrganizationRequest request) {
		return this.service.create(request).map(OrganizationView::of);
	}

	@PutMapping("/{id}")
	Mono<OrganizationView> update(@PathVariable UUID id, @Valid @RequestBody OrganizationRequest request) {
		return this.service.update(new TenantId(id), request).map(OrganizationView::of);
	}

}
