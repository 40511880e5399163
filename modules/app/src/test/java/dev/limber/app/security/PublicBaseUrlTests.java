package dev.limber.app.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses Limber hands out are built from its configured public base URL: a request
 * with a hostile Host header cannot make it send an identity provider's code, a SCIM
 * client or a calendar app to another host.
 */
class PublicBaseUrlTests extends LimberIntegrationTest {

	private static final String HOSTILE = "attacker.example:666";

	@Test
	void theOidcRedirectUriIgnoresTheHostHeader() {
		TestOrganization organization = onboard("hosthdr");
		String location = this.http.get()
			.uri("/oauth2/authorization/" + organization.slug())
			.header("Host", HOSTILE)
			.header("X-Forwarded-Host", HOSTILE)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		String decoded = URLDecoder.decode(location, StandardCharsets.UTF_8);
		assertThat(decoded).contains("redirect_uri=" + baseUrl() + "/login/oauth2/code/" + organization.slug())
			.doesNotContain("attacker");
	}

	@Test
	void scimLocationsAndTheCalendarFeedIgnoreTheHostHeader() {
		TestOrganization organization = onboard("hostscim");
		String scim = organization.scimToken(this.http, "ada");
		String created = this.http.post()
			.uri("/scim/v2/Users")
			.header("Host", HOSTILE)
			.headers((headers) -> headers.setBearerAuth(scim))
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.bodyValue("""
					{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "host@hostscim.test"}""")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(created).contains("\"location\":\"" + baseUrl() + "/scim/v2/Users/").doesNotContain("attacker");

		String feed = (String) this.http.post()
			.uri("/api/v1/me/reminders/feed")
			.header("Host", HOSTILE)
			.headers((headers) -> headers.setBearerAuth(organization.employee("eve")))
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("url");
		assertThat(feed).startsWith(baseUrl() + "/calendar/");
	}

}
