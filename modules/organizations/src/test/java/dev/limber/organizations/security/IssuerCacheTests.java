package dev.limber.organizations.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

/**
 * Token verifiers are cached per issuer and built on first use. A change of one
 * organization drops its own verifier, under its old issuer too: the replaced issuer's
 * tokens stop at once on this instance, while other organizations keep signing in.
 */
class IssuerCacheTests extends ModuleIntegrationTest {

	@Test
	void aReplacedIssuerIsRefusedAtOnceAndTheNewOneVerifies() {
		TestOrganization moving = onboard("cache-moving");
		TestOrganization staying = onboard("cache-staying");
		String oldToken = moving.employee("ada");
		me(oldToken).expectStatus().isOk();
		me(staying.employee("bob")).expectStatus().isOk();

		String newIssuer = "new-" + moving.slug();
		this.http.put()
			.uri("/api/v1/admin/organizations/" + moving.id())
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", moving.slug(), "displayName", "Moving", "issuerUri",
					TestIdentityProvider.issuer(newIssuer), "clientId", moving.audience(), "emailDomains",
					List.of(moving.slug() + ".test")))
			.exchange()
			.expectStatus()
			.isOk();

		// the old issuer's verifier was cached: it must not outlive the change
		me(oldToken).expectStatus().isUnauthorized();
		me(TestIdentityProvider.token(newIssuer, "sub-ada", moving.audience(),
				Map.of("email", "ada@" + moving.slug() + ".test", "name", "ada")))
			.expectStatus()
			.isOk();
		me(staying.employee("bob")).expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec me(String token) {
		return this.http.get().uri("/api/v1/me").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
