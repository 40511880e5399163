package dev.limber.organizations.scim;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.web.PublicBaseUrl;

/**
 * Organization admins rotate their SCIM token; it is shown once and stored only as a
 * hash.
 */
@RestController
class ScimTokenController {

	private final ScimTokens tokens;

	private final PublicBaseUrl publicBaseUrl;

	ScimTokenController(ScimTokens tokens, PublicBaseUrl publicBaseUrl) {
		this.tokens = tokens;
		this.publicBaseUrl = publicBaseUrl;
	}

	@PostMapping("/api/v1/org/scim-token")
	Mono<Map<String, String>> rotate() {
		return TenantContext.require()
			.flatMap(this.tokens::rotate)
			.map((token) -> Map.of("token", token, "scimBaseUrl", this.publicBaseUrl.resolve("/scim/v2")));
	}

	@DeleteMapping("/api/v1/org/scim-token")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke() {
		return TenantContext.require().flatMap(this.tokens::revoke);
	}

}
