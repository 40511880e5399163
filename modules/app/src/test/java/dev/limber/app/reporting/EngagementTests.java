package dev.limber.app.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program funnel, checklist findings and challenge engagement, counted from real
 * events per cell of a closed week and shown through the same display rule as
 * participation.
 */
class EngagementTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void funnelAndChecklistFindingsShowExactlyOnlyWithKOnEachSide() {
		TestOrganization organization = onboard("engage");
		// 12 in Ops: 6 enroll and answer the checklist (2 of them need a fix),
		// 6 do nothing
		for (int i = 0; i < 12; i++) {
			String token = organization.token("member" + i, Map.of("department", "Ops"));
			call(token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
			if (i >= 6) {
				continue;
			}
			call(token, HttpMethod.POST, "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
			call(token, HttpMethod.POST, "/api/v1/enrollments", Map.of("program", "back-care-6-weeks")).expectStatus()
				.isCreated();
			call(token, HttpMethod.POST, "/api/v1/activities",
					Map.of("routine", "tight-lower-back", "durationSeconds", 600))
				.expectStatus()
				.isCreated();
			String id = String
				.valueOf(call(token, HttpMethod.POST, "/api/v1/checklists/assessments", null).expectBody(Map.class)
					.returnResult()
					.getResponseBody()
					.get("id"));
			call(token, HttpMethod.PUT, "/api/v1/checklists/assessments/" + id + "/sections/working-posture",
					Map.of("answers", Map.of("back-supported", i >= 2, "legs-uncrossed", true)))
				.expectStatus()
				.isOk();
			call(token, HttpMethod.POST, "/api/v1/checklists/assessments/" + id + "/complete", null).expectStatus()
				.isOk();
		}
		this.consumer.drain().block();
		String hr = organization.token("analyst", "hr-analyst");
		String week = "?interval=week&from=" + LocalDate.now() + "&to=" + LocalDate.now();
		// the running week is not released
		call(hr, HttpMethod.GET, "/api/v1/reports/programs" + week, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[0].released")
			.isEqualTo(false);
		this.clock.advance(Duration.ofDays(14));
		// Ops (12) and the analyst pooled into it: 13 people; 6 enrolled and
		// active, none completed
		call(hr, HttpMethod.GET, "/api/v1/reports/programs" + week, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[0].rows[0].program")
			.isEqualTo("back-care-6-weeks")
			.jsonPath("$.periods[0].rows[0].enrolled.value")
			.isEqualTo(6)
			.jsonPath("$.periods[0].rows[0].activeLast14Days.value")
			.isEqualTo(6)
			.jsonPath("$.periods[0].rows[0].completed.min")
			.isEqualTo(0)
			.jsonPath("$.periods[0].rows[0].completed.max")
			.isEqualTo(4);
		// 6 respondents; 2 failing is fewer than k among them: a range, and no share
		call(hr, HttpMethod.GET, "/api/v1/reports/checklists" + week, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[0].rows[?(@.section == 'working-posture')].respondents.value")
			.isEqualTo(List.of(6))
			.jsonPath("$.periods[0].rows[?(@.section == 'working-posture')].failing.max")
			.isEqualTo(List.of(4))
			.jsonPath("$.periods[0].rows[?(@.section == 'working-posture')].shareFailing")
			.isEqualTo(java.util.Collections.singletonList(null));
		call(organization.employee("eve"), HttpMethod.GET, "/api/v1/reports/checklists" + week, null).expectStatus()
			.isForbidden();
		call(hr, HttpMethod.GET, "/api/v1/reports/checklists" + week + "&groupBy=department", null).expectStatus()
			.isBadRequest();
	}

	@Test
	@SuppressWarnings("unchecked")
	void challengeEngagementShowsEveryChallengeWithZeroAndSmallAlike() {
		TestOrganization organization = onboard("joiners");
		String admin = organization.token("admin", Map.of("roles", List.of("org-admin"), "groups", List.of("Crew")));
		call(admin, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
		String crew = String.valueOf(((List<Map<String, Object>>) call(admin, HttpMethod.GET, "/api/v1/org/teams", null)
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()).get(0).get("id"));
		java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
		String popular = create(admin, "Popular", now, crew);
		String quiet = create(admin, "Quiet", now, crew);
		for (int i = 0; i < 12; i++) {
			String token = organization.token("joiner" + i, Map.of("groups", List.of("Crew")));
			call(token, HttpMethod.GET, "/api/v1/me", null).expectStatus().isOk();
			if (i < 6) {
				call(token, HttpMethod.PUT, "/api/v1/challenges/" + popular + "/participation", Map.of()).expectStatus()
					.isOk();
				// joining twice changes nothing
				call(token, HttpMethod.PUT, "/api/v1/challenges/" + popular + "/participation",
						Map.of("showName", true))
					.expectStatus()
					.isOk();
			}
			if (i < 2) {
				call(token, HttpMethod.PUT, "/api/v1/challenges/" + quiet + "/participation", Map.of()).expectStatus()
					.isOk();
			}
		}
		this.consumer.drain().block();
		this.clock.advance(Duration.ofDays(14));
		String week = "?interval=week&from=" + LocalDate.now() + "&to=" + LocalDate.now();
		call(organization.token("analyst", "hr-analyst"), HttpMethod.GET, "/api/v1/reports/challenges" + week, null)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods[0].rows[?(@.title == 'Popular')].joined.value")
			.isEqualTo(List.of(6))
			.jsonPath("$.periods[0].rows[?(@.title == 'Quiet')].joined.max")
			.isEqualTo(List.of(4))
			.jsonPath("$.periods[0].rows[?(@.title == 'Quiet')].joined.value")
			.doesNotExist();
	}

	private String create(String admin, String title, java.time.LocalDateTime now, String team) {
		return String.valueOf(call(admin, HttpMethod.POST, "/api/v1/challenges",
				Map.of("title", title, "startsAt", now.minusDays(1).toString(), "endsAt", now.plusDays(5).toString(),
						"metric", "sessions", "dailyCap", 3, "teams", List.of(team), "published", true))
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
