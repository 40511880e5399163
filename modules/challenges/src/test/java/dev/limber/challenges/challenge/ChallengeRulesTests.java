package dev.limber.challenges.challenge;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may organize which challenge, what another organization sees (nothing), and input
 * checks.
 */
class ChallengeRulesTests extends ModuleIntegrationTest {

	ChallengeClient challenges;

	TestOrganization organization;

	String admin;

	String lead;

	String employee;

	UUID blue;

	UUID green;

	@BeforeEach
	void organization() {
		this.challenges = new ChallengeClient(this.http);
		this.organization = onboard("rules");
		this.admin = this.challenges.member(this.organization, "admin", List.of(), "org-admin");
		this.lead = this.challenges.member(this.organization, "lead", List.of("Blue"), "team-lead");
		this.employee = this.challenges.member(this.organization, "employee", List.of("Green"));
		this.blue = this.challenges.teamId(this.admin, "Blue");
		this.green = this.challenges.teamId(this.admin, "Green");
	}

	@Test
	void employeesCannotOrganizeChallenges() {
		this.challenges.create(this.employee, running(List.of(this.green))).expectStatus().isForbidden();
	}

	@Test
	void teamLeadsOrganizeOnlyForTheirOwnTeams() {
		Map<String, Object> ownRules = running(List.of(this.blue));
		UUID own = this.challenges.created(this.lead, ownRules);
		this.challenges.create(this.lead, running(List.of(this.blue, this.green)))
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/forbidden");
		Map<String, Object> madeForTheChallenge = running(List.of());
		madeForTheChallenge.remove("teams");
		madeForTheChallenge.put("newTeams", List.of("Lunch walkers"));
		this.challenges.create(this.lead, madeForTheChallenge).expectStatus().isForbidden();

		UUID byAdmin = this.challenges.created(this.admin, running(List.of(this.green)));
		put(this.lead, byAdmin, running(List.of(this.green))).expectStatus().isForbidden();
		Map<String, Object> renamed = new java.util.HashMap<>(ownRules);
		renamed.put("title", "Renamed");
		put(this.lead, own, renamed).expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Renamed");
	}

	@Test
	void anotherOrganizationsChallengeDoesNotExist() {
		UUID challenge = this.challenges.created(this.admin, running(List.of(this.green)));
		TestOrganization other = onboard("intruder");
		String intruder = this.challenges.member(other, "admin", List.of("Green"), "org-admin");
		for (String path : List.of("", "/leaderboard")) {
			this.http.get()
				.uri("/api/v1/challenges/" + challenge + path)
				.headers((h) -> h.setBearerAuth(intruder))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		put(intruder, challenge, running(List.of())).expectStatus().isNotFound();
		this.http.put()
			.uri("/api/v1/challenges/" + challenge + "/participation")
			.headers((h) -> h.setBearerAuth(intruder))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.delete()
			.uri("/api/v1/challenges/" + challenge)
			.headers((h) -> h.setBearerAuth(intruder))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/api/v1/challenges")
			.headers((h) -> h.setBearerAuth(intruder))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void draftsAreSeenOnlyByOrganizers() {
		Map<String, Object> draft = running(List.of(this.green));
		draft.put("published", false);
		UUID challenge = this.challenges.created(this.admin, draft);
		this.http.get()
			.uri("/api/v1/challenges/" + challenge)
			.headers((h) -> h.setBearerAuth(this.employee))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get()
			.uri("/api/v1/challenges")
			.headers((h) -> h.setBearerAuth(this.admin))
			.exchange()
			.expectBody()
			.jsonPath("$[0].status")
			.isEqualTo("draft");
	}

	@Test
	void invalidChallengesAreRefusedWithProblemDetailsAndNothingIsWritten() {
		Map<String, Object> backwards = running(List.of(this.green));
		backwards.put("endsAt", LocalDateTime.now(ZoneOffset.UTC).minusDays(3).toString());
		Map<String, Object> unknownRoutine = running(List.of(this.green));
		unknownRoutine.put("routines", List.of("handstand-marathon"));
		Map<String, Object> noCap = running(List.of(this.green));
		noCap.put("dailyCap", 0);
		Map<String, Object> badMetric = running(List.of(this.green));
		badMetric.put("metric", "calories");
		Map<String, Object> bothKindsOfTeams = running(List.of(this.green));
		bothKindsOfTeams.put("newTeams", List.of("Extra"));
		Map<String, Object> foreignTeam = running(List.of(UUID.randomUUID()));

		this.challenges.create(this.admin, backwards).expectStatus().isEqualTo(422);
		this.challenges.create(this.admin, unknownRoutine).expectStatus().isEqualTo(422);
		this.challenges.create(this.admin, bothKindsOfTeams).expectStatus().isEqualTo(422);
		this.challenges.create(this.admin, foreignTeam).expectStatus().isEqualTo(422);
		this.challenges.create(this.admin, noCap).expectStatus().isBadRequest();
		this.challenges.create(this.admin, badMetric).expectStatus().isBadRequest();
		this.http.get()
			.uri("/api/v1/challenges")
			.headers((h) -> h.setBearerAuth(this.admin))
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void rulesAreLockedOnceAChallengeRuns() {
		UUID challenge = this.challenges.created(this.admin, running(List.of(this.green)));
		Map<String, Object> higherCap = running(List.of(this.green));
		higherCap.put("dailyCap", 50);
		put(this.admin, challenge, higherCap).expectStatus().isEqualTo(409);
		this.http.delete()
			.uri("/api/v1/challenges/" + challenge)
			.headers((h) -> h.setBearerAuth(this.admin))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	private Map<String, Object> running(List<UUID> teams) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
		return ChallengeClient.challenge(now.minusDays(1), now.plusDays(7), "sessions", 3, teams);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String token, UUID challenge,
			Map<String, Object> body) {
		return this.http.put()
			.uri("/api/v1/challenges/" + challenge)
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
