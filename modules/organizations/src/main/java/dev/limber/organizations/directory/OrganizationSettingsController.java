package dev.limber.organizations.directory;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;

/** Organization admins read and change their own organization's settings. */
@RestController
@RequestMapping("/api/v1/org/settings")
class OrganizationSettingsController {

	private final OrganizationService service;

	OrganizationSettingsController(OrganizationService service) {
		this.service = service;
	}

	@GetMapping
	Mono<OrganizationView> get() {
		return TenantContext.require().flatMap(this.service::find).map(OrganizationView::of);
	}

	@PutMapping
	Mono<OrganizationView> update(@Valid @RequestBody SettingsRequest settings) {
		return TenantContext.require()
			.flatMap((tenant) -> this.service.updateSettings(tenant, settings))
			.map(OrganizationView::of);
	}

}
