package dev.limber.organizations.scim;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.tenant.TenantContext;

/** Organization admins rotate their SCIM token; it is shown once and stored only as a hash. */
@RestController
class ScimTokenController {

	private final ScimTokens tokens;

	ScimTokenController(ScimTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/org/scim-token")
	Mono<Map<String, String>> rotate() {
		return TenantContext.require()
			.flatMap(this.tokens::rotate)
			.map((token) -> Map.of("token", token, "scimBaseUrl", "/scim/v2"));
	}

}
