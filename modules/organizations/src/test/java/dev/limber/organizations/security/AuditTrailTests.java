package dev.limber.organizations.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security-relevant admin actions land in the organization's audit trail, which its
 * admins and the platform operators can read and export, and nobody else.
 */
class AuditTrailTests extends ModuleIntegrationTest {

	@Test
	void adminActionsAreRecordedWithWhoWhenAndWhatChanged() {
		TestOrganization organization = onboard("audited");
		String admin = organization.admin("ada");
		String adminId = meId(admin);
		this.http.put()
			.uri("/api/v1/org/settings")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("displayName", "Audited Corp", "minGroupSize", 7, "timeZone", "Europe/Berlin"))
			.exchange()
			.expectStatus()
			.isOk();
		rotate(admin);
		rotate(admin);
		this.http.delete()
			.uri("/api/v1/org/scim-token")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isNoContent();
		// the identity provider takes a role away at the next sign-in
		meId(organization.employee("ada"));

		String reader = organization.admin("root");
		audit(reader, "?action=threshold.changed").jsonPath("$.entries.length()")
			.isEqualTo(1)
			.jsonPath("$.entries[0].actor")
			.isEqualTo(adminId)
			.jsonPath("$.entries[0].details.minGroupSize.old")
			.isEqualTo(5)
			.jsonPath("$.entries[0].details.minGroupSize.new")
			.isEqualTo(7);
		audit(reader, "?action=settings.changed").jsonPath("$.entries[0].details.timeZone.new")
			.isEqualTo("Europe/Berlin");
		audit(reader, "?size=50").jsonPath("$.entries[*].action")
			.value((Object actions) -> assertThat((List<Object>) actions)
				.containsSubsequence("member.roles-changed", "scim-token.revoked", "scim-token.rotated",
						"scim-token.created", "threshold.changed")
				.contains("organization.created"));
		audit(reader, "?action=member.roles-changed").jsonPath("$.entries[0].details.old")
			.isEqualTo(List.of("EMPLOYEE", "ORG_ADMIN"))
			.jsonPath("$.entries[0].details.new")
			.isEqualTo(List.of("EMPLOYEE"));
		// filters by time: nothing from the future
		audit(reader, "?from=" + OffsetDateTime.now().plusHours(1).toInstant()).jsonPath("$.entries.length()")
			.isEqualTo(0);
		for (String bad : List.of("?from=yesterday", "?action=%00", "?action=" + "a".repeat(101), "?size=0",
				"?size=201", "?page=-1", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
			this.http.get()
				.uri(java.net.URI.create(baseUrl() + "/api/v1/org/audit" + bad))
				.headers((headers) -> headers.setBearerAuth(reader))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		this.http.get()
			.uri("/api/v1/org/audit?from=yesterday")
			.headers((headers) -> headers.setBearerAuth(reader))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void adminsAndOperatorsExportItAsCsvAndNobodyElseReadsIt() {
		TestOrganization acme = onboard("audit-acme");
		TestOrganization globex = onboard("audit-globex");
		rotate(acme.admin("ada"));
		rotate(globex.admin("gus"));

		String csv = this.http.get()
			.uri("/api/v1/org/audit/export")
			.headers((headers) -> headers.setBearerAuth(acme.admin("ada")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("occurred_at,actor_id,actor_name,action,subject,details\r\n")
			.contains("\"scim-token.created\"")
			.contains("\"organization.created\"");
		assertThat(csv.lines().count()).isEqualTo(3);

		this.http.get()
			.uri("/api/v1/admin/organizations/" + globex.id() + "/audit")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entries[0].action")
			.isEqualTo("scim-token.created");
		this.http.get()
			.uri("/api/v1/admin/organizations/" + globex.id() + "/audit/export")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/api/v1/admin/organizations/" + java.util.UUID.randomUUID() + "/audit")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.exchange()
			.expectStatus()
			.isNotFound();

		// another organization's admin sees only their own trail; employees and
		// HR see none
		audit(globex.admin("gus"), "").jsonPath("$.entries.length()").isEqualTo(2);
		this.http.get()
			.uri("/api/v1/admin/organizations/" + acme.id() + "/audit")
			.headers((headers) -> headers.setBearerAuth(globex.admin("gus")))
			.exchange()
			.expectStatus()
			.isForbidden();
		for (String token : List.of(acme.employee("eve"), acme.token("hal", "hr-analyst"))) {
			this.http.get()
				.uri("/api/v1/org/audit")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

	private WebTestClient.BodyContentSpec audit(String token, String query) {
		return this.http.get()
			.uri("/api/v1/org/audit" + query)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private void rotate(String admin) {
		this.http.post()
			.uri("/api/v1/org/scim-token")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String meId(String token) {
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

}
