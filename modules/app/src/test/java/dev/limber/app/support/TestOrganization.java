package dev.limber.app.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.limber.kernel.testing.TestIdentityProvider;

/** An organization a test onboarded; its issuer is named after its slug. */
public record TestOrganization(UUID id, String slug) {

	public String issuer() {
		return TestIdentityProvider.issuer(this.slug);
	}

	public String audience() {
		return this.slug + "-portal";
	}

	/** A token of this organization's identity provider for {@code user}, with role claim values. */
	public String token(String user, String... roles) {
		return token(user, Map.of("roles", List.of(roles)));
	}

	public String token(String user, Map<String, Object> extraClaims) {
		Map<String, Object> claims = new HashMap<>(Map.of("email", user + "@" + this.slug + ".test", "name", user));
		claims.putAll(extraClaims);
		return TestIdentityProvider.token(this.slug, "sub-" + user, audience(), claims);
	}

	public String employee(String user) {
		return token(user);
	}

	public String admin(String user) {
		return token(user, "org-admin");
	}

}
