package dev.limber.app.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offboarded member's open portal session stops on its next request, and a member
 * whose roles changed has the new roles on the next request of every open session.
 */
class SessionRevocationTests extends LimberIntegrationTest {

	@Test
	void deactivationEndsAnOpenSessionOnItsNextRequest() {
		TestOrganization organization = onboard("offboard");
		String scim = organization.scimToken(this.http, "root");
		BrowserSession admin = BrowserSession.signIn(this.http, organization, "ada",
				Map.of("name", "Ada Admin", "roles", List.of("org-admin")));
		assertThat(admin.get("/org/admin").getStatus().value()).isEqualTo(200);

		String id = memberId(organization.admin("ada"));
		patchActive(scim, id, false);

		var after = admin.get("/org/admin");
		assertThat(after.getStatus().is3xxRedirection()).isTrue();
		assertThat(after.getResponseHeaders().getLocation().toString()).startsWith("/login");
		assertThat(admin.page("/")).doesNotContain("Ada Admin");
	}

	@Test
	void deletionEndsAnOpenSessionOnItsNextRequest() {
		TestOrganization organization = onboard("deleted");
		String scim = organization.scimToken(this.http, "root");
		BrowserSession employee = BrowserSession.signIn(this.http, organization, "eve", Map.of("name", "Eve Doe"));
		assertThat(employee.get("/programs").getStatus().value()).isEqualTo(200);
		String id = memberId(organization.employee("eve"));
		this.http.delete()
			.uri("/scim/v2/Users/" + id)
			.headers((headers) -> headers.setBearerAuth(scim))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(employee.get("/programs").getStatus().is3xxRedirection()).isTrue();
	}

	@Test
	void aRoleTakenAwayAtTheIdentityProviderEndsTheAdminPagesOfOpenSessions() {
		TestOrganization organization = onboard("demoted");
		BrowserSession admin = BrowserSession.signIn(this.http, organization, "ada",
				Map.of("name", "Ada Admin", "roles", List.of("org-admin")));
		assertThat(admin.get("/org/admin").getStatus().value()).isEqualTo(200);
		// the next sign-in elsewhere (here an API call) carries the
		// roles without org-admin
		memberId(organization.employee("ada"));
		assertThat(admin.get("/org/admin").getStatus().value()).isEqualTo(403);
		assertThat(admin.get("/programs").getStatus().value()).isEqualTo(200);
		// and given back, they work again without signing in anew
		memberId(organization.admin("ada"));
		assertThat(admin.get("/org/admin").getStatus().value()).isEqualTo(200);
	}

	private String memberId(String token) {
		return (String) this.http.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private void patchActive(String scim, String id, boolean active) {
		this.http.patch()
			.uri("/scim/v2/Users/" + id)
			.headers((headers) -> headers.setBearerAuth(scim))
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.bodyValue("""
					{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
					 "Operations": [{"op": "replace", "path": "active", "value": %s}]}""".formatted(active))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
