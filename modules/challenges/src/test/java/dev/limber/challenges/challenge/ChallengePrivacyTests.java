package dev.limber.challenges.challenge;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names on a leaderboard only for members who opted in; a team below the minimum group
 * size (5 here) lists no one and shows no figures; and nobody is named while fewer than 5
 * others stay unnamed.
 */
class ChallengePrivacyTests extends ModuleIntegrationTest {

	@Test
	void optedOutMembersNeverAppearByNameAndSmallTeamsShowNoMemberFigures() {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("privacy");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		List<String> large = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			large.add(challenges.member(organization, "Visible Val " + i, List.of("Large")));
		}
		String hiddenHolly = challenges.member(organization, "Hidden Holly", List.of("Large"));
		String smallSam = challenges.member(organization, "Small Sam", List.of("Small"));
		String smallSue = challenges.member(organization, "Small Sue", List.of("Small"));
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		Map<String, Object> rules = ChallengeClient.challenge(now.minusDays(1), now.plusDays(7), "sessions", 5,
				List.of(challenges.teamId(admin, "Large"), challenges.teamId(admin, "Small")));
		rules.put("showIndividuals", true);
		UUID challenge = challenges.created(admin, rules);

		// Only two of the large team opt in: seven others stay unnamed.
		challenges.join(large.get(0), challenge, true);
		challenges.join(large.get(1), challenge, true);
		large.subList(2, 8).forEach((token) -> challenges.join(token, challenge, false));
		challenges.join(hiddenHolly, challenge, false);
		challenges.join(smallSam, challenge, true);
		challenges.join(smallSue, challenge, false);
		large.forEach((token) -> challenges.log(token, 1));
		for (String token : List.of(large.get(0), large.get(1), hiddenHolly, smallSam, smallSue)) {
			challenges.log(token, 2);
		}

		List<String> responses = new ArrayList<>();
		for (String viewer : List.of(admin, hiddenHolly, smallSam, large.get(0))) {
			responses.add(body(viewer, "/api/v1/challenges/" + challenge + "/leaderboard", MediaType.APPLICATION_JSON));
			responses.add(body(viewer, "/api/v1/challenges/" + challenge, MediaType.APPLICATION_JSON));
			responses.add(body(viewer, "/api/v1/challenges", MediaType.APPLICATION_JSON));
			responses.add(firstEvent(viewer, challenge));
		}
		assertThat(responses).allSatisfy((response) -> assertThat(response).doesNotContain("Hidden Holly")
			.doesNotContain("Small Sue")
			.doesNotContain("Small Sam")
			.doesNotContain("Visible Val 2"));
		assertThat(responses.get(0)).contains("Visible Val 0").contains("Visible Val 1");

		Map<String, Object> leaderboard = challenges.leaderboard(hiddenHolly, challenge);
		assertThat(ChallengeClient.team(leaderboard, "Small")).containsEntry("fewerThan", 5)
			.doesNotContainKeys("members", "total", "average", "rank");
		assertThat(ChallengeClient.team(leaderboard, "Large")).containsEntry("members", 9).containsEntry("rank", 1);
		Map<?, ?> you = (Map<?, ?>) leaderboard.get("you");
		assertThat(you.get("contribution")).isEqualTo(2.0);

		// When the unnamed would be fewer than 5, nobody is named: their total
		// could be subtracted.
		large.subList(2, 7).forEach((token) -> challenges.join(token, challenge, true));
		assertThat(body(admin, "/api/v1/challenges/" + challenge + "/leaderboard", MediaType.APPLICATION_JSON))
			.doesNotContain("Visible Val");
	}

	private String body(String token, String path, MediaType accept) {
		return this.http.get()
			.uri(path)
			.headers((h) -> h.setBearerAuth(token))
			.accept(accept)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String firstEvent(String token, UUID challenge) {
		return org.springframework.web.reactive.function.client.WebClient.create(baseUrl())
			.get()
			.uri("/api/v1/challenges/" + challenge + "/leaderboard")
			.headers((h) -> h.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(String.class)
			.blockFirst(Duration.ofSeconds(20));
	}

}
