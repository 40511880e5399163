package dev.limber.app.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.app.support.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization admins manage settings, departments, teams and the SCIM token, in the API
 * and the pages.
 */
class OrganizationAdminTests extends LimberIntegrationTest {

	@Test
	void adminChangesTheReportingThresholdWithinItsLimits() {
		TestOrganization organization = onboard("settings");
		String admin = organization.admin("ada");
		Map<String, Object> settings = Map.of("displayName", "Settings Corp", "minGroupSize", 7, "timeZone",
				"Europe/Berlin", "emailDomains", List.of(organization.slug() + ".test"));
		this.http.put()
			.uri("/api/v1/org/settings")
			.headers((headers) -> headers.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(settings)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.minGroupSize")
			.isEqualTo(7)
			.jsonPath("$.clientSecretSet")
			.isEqualTo(false);
		for (int invalid : new int[] { 2, 51 }) {
			this.http.put()
				.uri("/api/v1/org/settings")
				.headers((headers) -> headers.setBearerAuth(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("displayName", "X", "minGroupSize", invalid, "timeZone", "UTC"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("minGroupSize");
		}
		this.http.get()
			.uri("/api/v1/org/settings")
			.headers((headers) -> headers.setBearerAuth(organization.employee("eve")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void teamsOfAnotherOrganizationAre404() {
		TestOrganization acme = onboard("teams-a");
		TestOrganization globex = onboard("teams-b");
		String globexTeam = this.http.post()
			.uri("/api/v1/org/teams")
			.headers((headers) -> headers.setBearerAuth(globex.admin("gus")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Night Owls"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		this.http.get()
			.uri("/api/v1/org/teams/" + globexTeam)
			.headers((headers) -> headers.setBearerAuth(acme.admin("ada")))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/api/v1/admin/organizations/" + globex.id())
			.headers((headers) -> headers.setBearerAuth(acme.admin("ada")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void adminPagesManageDepartmentsAndRotateTheScimToken() {
		TestOrganization organization = onboard("pages");
		BrowserSession admin = BrowserSession.signIn(this.http, organization, "ada",
				Map.of("name", "Ada Admin", "roles", List.of("org-admin")));
		assertThat(admin.page("/org/admin")).contains("<h1>Organization: pages</h1>");

		EntityExchangeResult<byte[]> added = admin.submit("/org/admin", "/org/admin/departments",
				Map.of("name", "Logistics"));
		assertThat(added.getResponseHeaders().getLocation()).hasToString("/org/admin?done=department");
		assertThat(admin.page("/org/admin?done=department")).contains("Logistics").contains("Department added.");

		EntityExchangeResult<byte[]> rotated = admin.submit("/org/admin", "/org/admin/scim-token", Map.of());
		String body = new String(rotated.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("value=\"(scim_[^\"]+)\"").matcher(body);
		assertThat(token.find()).isTrue();
		this.http.get()
			.uri("/scim/v2/Users")
			.headers((headers) -> headers.setBearerAuth(token.group(1)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void employeesCannotOpenTheAdminPages() {
		TestOrganization organization = onboard("nopages");
		BrowserSession employee = BrowserSession.signIn(this.http, organization, "eve", Map.of("name", "Eve"));
		assertThat(employee.get("/org/admin").getStatus().value()).isEqualTo(403);
	}

}
