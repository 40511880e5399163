package dev.limber.kernel.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An organization a test onboarded; its issuer is named after its slug. */
public record TestOrganization(UUID id, String slug) {

	/**
	 * Onboards a new organization through the operator API of {@code http}, with its own
	 * issuer.
	 */
	public static TestOrganization onboard(WebTestClient http, String name) {
		String slug = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = http.post()
			.uri("/api/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", slug, "displayName", name, "issuerUri", TestIdentityProvider.issuer(slug),
					"clientId", slug + "-portal", "emailDomains", List.of(slug + ".test")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return new TestOrganization(UUID.fromString((String) created.get("id")), slug);
	}

	public String issuer() {
		return TestIdentityProvider.issuer(this.slug);
	}

	public String audience() {
		return this.slug + "-portal";
	}

	/**
	 * A token of this organization's identity provider for {@code user}, with role claim
	 * values.
	 */
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

	/** Creates (or rotates) the organization's SCIM token as org admin {@code admin}. */
	public String scimToken(WebTestClient http, String admin) {
		return (String) http.post()
			.uri("/api/v1/org/scim-token")
			.headers((headers) -> headers.setBearerAuth(admin(admin)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
	}

}
