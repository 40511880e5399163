package dev.limber.app.reporting;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.app.support.TestOrganization;
import dev.limber.reporting.ingestion.OutboxConsumer;

/** The program funnel and checklist findings, counted from real events, with small counts suppressed. */
class EngagementTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Test
	void funnelAndChecklistFindings() {
		TestOrganization organization = onboard("engage");
		for (int i = 0; i < 6; i++) {
			String token = organization.token("member" + i, Map.of("department", "Ops"));
			call(token, HttpMethod.POST, "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
			call(token, HttpMethod.POST, "/api/v1/enrollments", Map.of("program", "back-care-6-weeks")).expectStatus()
				.isCreated();
			call(token, HttpMethod.POST, "/api/v1/activities", Map.of("routine", "tight-lower-back", "durationSeconds", 600))
				.expectStatus()
				.isCreated();
			String id = String.valueOf(call(token, HttpMethod.POST, "/api/v1/checklists/assessments", null)
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id"));
			boolean back = i < 2;
			call(token, HttpMethod.PUT, "/api/v1/checklists/assessments/" + id + "/sections/working-posture",
					Map.of("answers", Map.of("back-supported", back, "legs-uncrossed", true)))
				.expectStatus()
				.isOk();
			call(token, HttpMethod.POST, "/api/v1/checklists/assessments/" + id + "/complete", null).expectStatus().isOk();
		}
		this.consumer.drain().block();
		String hr = organization.token("analyst", "hr-analyst");
		String range = "?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now();
		call(hr, HttpMethod.GET, "/api/v1/reports/programs" + range, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[-1:].rows[0].program")
			.isEqualTo(java.util.List.of("back-care-6-weeks"))
			.jsonPath("$.periods[-1:].rows[0].enrolled.value")
			.isEqualTo(java.util.List.of(6))
			.jsonPath("$.periods[-1:].rows[0].activeLast14Days.value")
			.isEqualTo(java.util.List.of(6))
			.jsonPath("$.periods[-1:].rows[0].completed.suppressed")
			.isEqualTo(java.util.List.of(true))
			.jsonPath("$.periods[-1:].rows[0].completed.value")
			.isEqualTo(java.util.Collections.singletonList(null));
		call(hr, HttpMethod.GET, "/api/v1/reports/checklists" + range, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[-1].rows[?(@.section == 'working-posture')].respondents.value")
			.isEqualTo(java.util.List.of(6))
			.jsonPath("$.periods[-1].rows[?(@.section == 'working-posture')].shareFailing")
			.isEqualTo(java.util.List.of(0.667));
		call(organization.employee("eve"), HttpMethod.GET, "/api/v1/reports/checklists" + range, null).expectStatus()
			.isForbidden();
	}

	@Test
	@SuppressWarnings("unchecked")
	void challengeEngagementCountsDistinctJoinersAndSuppressesSmallOnes() {
		TestOrganization organization = onboard("joiners");
		String admin = organization.token("admin", Map.of("roles", java.util.List.of("org-admin"), "groups",
				java.util.List.of("Crew")));
		call(admin, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
		String crew = String.valueOf(((java.util.List<Map<String, Object>>) call(admin, HttpMethod.GET,
				"/api/v1/org/teams", null).expectBody(java.util.List.class).returnResult().getResponseBody())
			.get(0)
			.get("id"));
		java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
		String popular = create(admin, "Popular", now, crew);
		String quiet = create(admin, "Quiet", now, crew);
		for (int i = 0; i < 6; i++) {
			String token = organization.token("joiner" + i, Map.of("groups", java.util.List.of("Crew")));
			call(token, HttpMethod.PUT, "/api/v1/challenges/" + popular + "/participation", Map.of()).expectStatus()
				.isOk();
			// joining twice changes nothing
			call(token, HttpMethod.PUT, "/api/v1/challenges/" + popular + "/participation", Map.of("showName", true))
				.expectStatus()
				.isOk();
			if (i < 2) {
				call(token, HttpMethod.PUT, "/api/v1/challenges/" + quiet + "/participation", Map.of()).expectStatus()
					.isOk();
			}
		}
		this.consumer.drain().block();
		String range = "?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now();
		call(organization.token("analyst", "hr-analyst"), HttpMethod.GET, "/api/v1/reports/challenges" + range, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[-1].rows[?(@.title == 'Popular')].joined.value")
			.isEqualTo(java.util.List.of(6))
			.jsonPath("$.periods[-1].rows[?(@.title == 'Quiet')].joined.suppressed")
			.isEqualTo(java.util.List.of(true))
			.jsonPath("$.periods[-1].rows[?(@.title == 'Quiet')].shareOfEligible")
			.isEqualTo(java.util.Collections.singletonList(null));
	}

	@Test
	void filtersObeyTheGroupSizeAndOverlapRules() {
		TestOrganization organization = onboard("filters");
		Map<String, Integer> groups = Map.of("Data/Berlin", 5, "Data/Munich", 2, "Ops/Berlin", 6);
		groups.forEach((group, size) -> {
			for (int i = 0; i < size; i++) {
				String[] parts = group.split("/");
				String token = organization.token(group.replace('/', '-') + i,
						Map.of("department", parts[0], "location", parts[1]));
				call(token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
			}
		});
		String hr = organization.token("analyst", "hr-analyst");
		String range = "/api/v1/reports/checklists?from=" + LocalDate.now().minusDays(40) + "&to=" + LocalDate.now();
		call(hr, HttpMethod.GET, range + "&department=Data", null).expectStatus().isOk();
		call(hr, HttpMethod.GET, range + "&department=Data&location=Munich", null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("fewer than 5"));
		// Data in Berlin differs from all of Data by the two in Munich: refused after Data was shown.
		call(hr, HttpMethod.GET, range + "&department=Data&location=Berlin", null).expectStatus().isEqualTo(422);
		call(hr, HttpMethod.GET, range + "&groupBy=department", null).expectStatus().isBadRequest();
	}

	private String create(String admin, String title, java.time.LocalDateTime now, String team) {
		return String.valueOf(call(admin, HttpMethod.POST, "/api/v1/challenges",
				Map.of("title", title, "startsAt", now.minusDays(1).toString(), "endsAt", now.plusDays(5).toString(),
						"metric", "sessions", "dailyCap", 3, "teams", java.util.List.of(team), "published", true))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	private WebTestClient.ResponseSpec call(String token, HttpMethod method, String uri, Object body) {
		WebTestClient.RequestBodySpec request = this.http.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token));
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
