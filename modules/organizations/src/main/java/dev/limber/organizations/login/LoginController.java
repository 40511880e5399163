package dev.limber.organizations.login;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.organizations.directory.OrganizationService;

/**
 * The sign-in page: a person types their work email (or their organization's short name)
 * and is sent to their own company's identity provider.
 */
@Controller
class LoginController {

	private final OrganizationService organizations;

	LoginController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@GetMapping("/login")
	String loginPage(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		model.addAttribute("failed", error != null);
		return "organizations/login";
	}

	@PostMapping("/login")
	Mono<String> findOrganization(ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map((form) -> String.valueOf(form.getFirst("organization")).trim().toLowerCase(Locale.ROOT))
			.flatMap((input) -> this.organizations.forSignIn(input).map((organization) -> {
				// a page that navigates on by itself: a redirect after the form would be
				// held to the CSP's form-action 'self' all the way to the identity
				// provider, and blocked there
				model.addAttribute("target", "/oauth2/authorization/" + organization.slug());
				return "organizations/continue";
			}).switchIfEmpty(Mono.fromSupplier(() -> {
				model.addAttribute("unknown", true);
				model.addAttribute("organization", input);
				return "organizations/login";
			})));
	}

}
