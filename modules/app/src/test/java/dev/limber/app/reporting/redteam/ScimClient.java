package dev.limber.app.reporting.redteam;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.TestOrganization;

/**
 * Provisions members the way an organization's directory does, with a SCIM token an admin
 * issued.
 */
final class ScimClient {

	private final WebTestClient http;

	private final String token;

	ScimClient(WebTestClient http, TestOrganization organization) {
		this.http = http;
		this.token = organization.scimToken(http, "admin");
	}

	void user(String name, String department, String city) {
		this.http.post()
			.uri("/scim/v2/Users")
			.headers((headers) -> headers.setBearerAuth(this.token))
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.bodyValue("""
					{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
					             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
					 "userName": "%s@scim.test", "active": true, "addresses": [{"type": "work", "locality": "%s"}],
					 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "%s"}}"""
				.formatted(name, city, department))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
