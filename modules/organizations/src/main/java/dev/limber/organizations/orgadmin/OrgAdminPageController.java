package dev.limber.organizations.orgadmin;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.departments.Departments;
import dev.limber.organizations.departments.DepartmentRequest;
import dev.limber.organizations.directory.OrganizationService;
import dev.limber.organizations.directory.SettingsRequest;
import dev.limber.organizations.scim.ScimTokens;
import dev.limber.organizations.teams.Teams;
import dev.limber.organizations.teams.TeamRequest;

/**
 * The organization admin's pages: settings (including the reporting threshold),
 * departments, teams and the SCIM token. Forms post and redirect, so a reload never
 * submits twice.
 */
@Controller
@RequestMapping("/org/admin")
class OrgAdminPageController {

	private final OrganizationService service;

	private final Departments departments;

	private final Teams teams;

	private final ScimTokens scimTokens;

	OrgAdminPageController(OrganizationService service, Departments departments, Teams teams, ScimTokens scimTokens) {
		this.service = service;
		this.departments = departments;
		this.teams = teams;
		this.scimTokens = scimTokens;
	}

	@GetMapping
	Mono<String> page(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("done", done);
		return render(model);
	}

	@PostMapping("/settings")
	Mono<String> saveSettings(ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.flatMap((form) -> TenantContext.require()
				.flatMap((tenant) -> this.service.updateSettings(tenant, settings(form)))
				.thenReturn("redirect:/org/admin?done=settings"))
			.onErrorResume(InvalidGroupSize.class, (ex) -> failed(model, "group-size"))
			.onErrorResume((ex) -> ex instanceof ApiException || ex instanceof IllegalArgumentException,
					(ex) -> failed(model, "settings"));
	}

	@PostMapping("/departments")
	Mono<String> addDepartment(ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map((form) -> new DepartmentRequest(required(form, "name"), null))
			.flatMap(this.departments::create)
			.thenReturn("redirect:/org/admin?done=department")
			.onErrorResume((ex) -> ex instanceof ApiException || ex instanceof IllegalArgumentException,
					(ex) -> failed(model, "department"));
	}

	@PostMapping("/departments/{id}/delete")
	Mono<String> deleteDepartment(@PathVariable UUID id) {
		return this.departments.delete(id).thenReturn("redirect:/org/admin?done=department-deleted");
	}

	@PostMapping("/teams")
	Mono<String> addTeam(ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map((form) -> new TeamRequest(required(form, "name")))
			.flatMap(this.teams::create)
			.thenReturn("redirect:/org/admin?done=team")
			.onErrorResume((ex) -> ex instanceof ApiException || ex instanceof IllegalArgumentException,
					(ex) -> failed(model, "team"));
	}

	@PostMapping("/teams/{id}/delete")
	Mono<String> deleteTeam(@PathVariable UUID id) {
		return this.teams.delete(id).thenReturn("redirect:/org/admin?done=team-deleted");
	}

	/** The new token is shown once, on this response only. */
	@PostMapping("/scim-token")
	Mono<String> rotateScimToken(Model model) {
		return TenantContext.require().flatMap(this.scimTokens::rotate).flatMap((token) -> {
			model.addAttribute("scimToken", token);
			return render(model);
		});
	}

	private Mono<String> failed(Model model, String what) {
		model.addAttribute("error", "invalid-" + what);
		return render(model);
	}

	private Mono<String> render(Model model) {
		return TenantContext.require()
			.flatMap(this.service::find)
			.zipWith(this.departments.all().collectList().zipWith(this.teams.all().collectList()))
			.map((loaded) -> {
				model.addAttribute("organization", loaded.getT1());
				model.addAttribute("departments", loaded.getT2().getT1());
				model.addAttribute("teams", loaded.getT2().getT2());
				return "organizations/admin";
			});
	}

	private static SettingsRequest settings(MultiValueMap<String, String> form) {
		int minGroupSize;
		try {
			minGroupSize = Integer.parseInt(required(form, "minGroupSize"));
		}
		catch (NumberFormatException ex) {
			throw new InvalidGroupSize();
		}
		if (minGroupSize < 3 || minGroupSize > 50) {
			throw new InvalidGroupSize();
		}
		// email domains are the operator's to assign: the page shows them, it does
		// not send them
		return new SettingsRequest(required(form, "displayName"), null, null, minGroupSize, required(form, "timeZone"));
	}

	/** The page explains the limits itself, in the reader's language. */
	private static final class InvalidGroupSize extends IllegalArgumentException {

		InvalidGroupSize() {
			super("The minimum group size must be a whole number from 3 to 50.");
		}

	}

	private static String required(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		if (value == null || value.isBlank() || value.length() > 200) {
			throw new IllegalArgumentException("Please fill in " + field + " (at most 200 characters).");
		}
		return value.trim();
	}

}
