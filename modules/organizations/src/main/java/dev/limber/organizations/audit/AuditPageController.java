package dev.limber.organizations.audit;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;

/**
 * The org admin's audit page: the latest entries, filterable by action, and the CSV
 * download.
 */
@Controller
class AuditPageController {

	private final AuditReader reader;

	AuditPageController(AuditReader reader) {
		this.reader = reader;
	}

	@GetMapping("/org/admin/audit")
	Mono<String> page(@RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String filter = (action == null || action.isBlank()) ? null : action.trim();
		model.addAttribute("action", filter);
		return TenantContext.require()
			.flatMap((tenant) -> this.reader.page(tenant, new AuditFilter(filter, null, null), page, 100))
			.map((found) -> {
				model.addAttribute("audit", found);
				return "organizations/audit";
			})
			.onErrorResume(ApiException.class, (ex) -> {
				model.addAttribute("audit", new AuditReader.AuditPage(java.util.List.of(), 0, 100, false));
				model.addAttribute("invalid", true);
				return Mono.just("organizations/audit");
			});
	}

	@GetMapping("/org/admin/audit.csv")
	@ResponseBody
	Mono<ResponseEntity<Flux<String>>> export() {
		return TenantContext.require()
			.map((tenant) -> AuditController.csv(this.reader.csv(tenant, new AuditFilter(null, null, null))));
	}

}
