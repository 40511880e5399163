package dev.limber.organizations.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization admins manage settings and teams in the API, and only their own.
 */
class OrganizationAdminTests extends ModuleIntegrationTest {

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

}
