package dev.limber.challenges.scoring;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A colleague who wants to know what one person scored, with nothing but the leaderboard
 * a member sees (k = 5): reading a small team's figures, subtracting named people from
 * their team's total, subtracting consecutive snapshots (JSON and the live stream) around
 * one person's log or departure, reading a small team's score off its rank, and reading
 * figures released under a threshold that the admin has just raised. Every attack targets
 * someone who chose not to be named.
 */
class LeaderboardAttackTests extends ModuleIntegrationTest {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	ChallengeClient challenges;

	TestOrganization organization;

	String admin;

	@BeforeEach
	void organization() {
		this.challenges = new ChallengeClient(this.http);
		this.organization = onboard("attack");
		this.admin = this.challenges.member(this.organization, "admin", List.of(), "org-admin");
	}

	@Test
	void aTeamBelowTheMinimumGroupSizeShowsNoFigureAndNoRank() {
		List<String> legal = members("legal", "Legal", 3);
		String solo = this.challenges.member(this.organization, "Solo Sol", List.of("Solo"));
		List<String> big = members("big", "Big", 5);
		UUID challenge = runningChallenge(false, "Legal", "Solo", "Big");
		legal.forEach((token) -> this.challenges.join(token, challenge, false));
		this.challenges.join(solo, challenge, false);
		big.forEach((token) -> this.challenges.join(token, challenge, false));
		legal.forEach((token) -> this.challenges.log(token, 1));
		// Solo's score ties with Big's average: a shared rank would give it away exactly.
		this.challenges.log(solo, 2);
		big.forEach((token) -> this.challenges.log(token, 2));

		for (String viewer : List.of(big.get(0), legal.get(0), this.admin)) {
			Map<String, Object> leaderboard = this.challenges.leaderboard(viewer, challenge);
			for (String small : List.of("Legal", "Solo")) {
				Map<String, Object> team = ChallengeClient.team(leaderboard, small);
				assertThat(team.get("total")).as(small + " total").isNull();
				assertThat(team.get("average")).as(small + " average").isNull();
				assertThat(team.get("rank")).as(small + " rank").isNull();
				assertThat(team.get("fewerThan")).isEqualTo(5);
			}
			assertThat(ChallengeClient.team(leaderboard, "Big")).containsEntry("rank", 1).containsEntry("total", 10.0);
		}
		// Solo sees their own contribution, and nothing that ranks it against the others.
		Map<?, ?> you = (Map<?, ?>) this.challenges.leaderboard(solo, challenge).get("you");
		assertThat(you.get("contribution")).isEqualTo(2.0);
		assertThat(you.get("rank")).isNull();
	}

	@Test
	void namedColleaguesCannotBeSubtractedFromTheirTeamsTotal() {
		List<String> blue = members("blue", "Blue", 4);
		String hidden = this.challenges.member(this.organization, "Hidden Hana", List.of("Blue"));
		List<String> crowd = members("crowd", "Crowd", 6);
		UUID challenge = runningChallenge(true, "Blue", "Crowd");
		blue.forEach((token) -> this.challenges.join(token, challenge, true));
		this.challenges.join(hidden, challenge, false);
		crowd.forEach((token) -> this.challenges.join(token, challenge, false));
		blue.forEach((token) -> this.challenges.log(token, 1));
		this.challenges.log(hidden, 3);
		crowd.forEach((token) -> this.challenges.log(token, 1));

		Map<String, Object> leaderboard = this.challenges.leaderboard(crowd.get(0), challenge);
		Object total = ChallengeClient.team(leaderboard, "Blue").get("total");
		double namedOnBlue = individuals(leaderboard).stream()
			.filter((person) -> ((String) person.get("name")).startsWith("Blue"))
			.mapToDouble((person) -> ((Number) person.get("score")).doubleValue())
			.sum();
		if (total != null) {
			assertThat(((Number) total).doubleValue() - namedOnBlue).as("Blue's total minus its named members")
				.isNotEqualTo(3.0);
		}
	}

	@Test
	void consecutiveSnapshotsDoNotRevealWhatOnePersonDid() throws Exception {
		List<String> big = members("big", "Big", 5);
		UUID challenge = runningChallenge(false, "Big", "Other");
		big.forEach((token) -> this.challenges.join(token, challenge, false));
		big.forEach((token) -> this.challenges.log(token, 1));
		String newcomer = this.challenges.member(this.organization, "New Nia", List.of("Big"));
		this.challenges.join(newcomer, challenge, false);

		BlockingQueue<Double> streamed = new LinkedBlockingQueue<>();
		Disposable stream = WebClient.create(baseUrl())
			.get()
			.uri("/api/v1/challenges/" + challenge + "/leaderboard")
			.headers((h) -> h.setBearerAuth(big.get(0)))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT)
			.filter((event) -> event.data() != null)
			.subscribe((event) -> streamed.add(total(event.data(), "Big")));
		try {
			assertThat(streamed.poll(30, TimeUnit.SECONDS)).isNotNull();
			List<Double> snapshots = new ArrayList<>();
			snapshots.add(total(this.challenges.leaderboard(big.get(0), challenge), "Big"));
			// The newcomer's first log: the difference would be their whole score.
			this.challenges.log(newcomer, 1);
			snapshots.add(total(this.challenges.leaderboard(big.get(0), challenge), "Big"));
			assertThat(snapshots.get(1) - snapshots.get(0)).as("Big after the newcomer's first log").isNotEqualTo(1.0);
			// Someone leaves (everyone sees the team shrink): the difference would
			// be their score.
			this.http.delete()
				.uri("/api/v1/challenges/" + challenge + "/participation")
				.headers((h) -> h.setBearerAuth(big.get(4)))
				.exchange()
				.expectStatus()
				.isNoContent();
			snapshots.add(total(this.challenges.leaderboard(big.get(0), challenge), "Big"));
			assertThat(snapshots.get(1) - snapshots.get(2)).as("Big after one member left").isNotEqualTo(1.0);

			List<Double> events = new ArrayList<>();
			for (Double next = streamed.poll(5, TimeUnit.SECONDS); next != null; next = streamed.poll(3,
					TimeUnit.SECONDS)) {
				events.add(next);
			}
			for (int i = 1; i < events.size(); i++) {
				assertThat(Math.abs(events.get(i) - events.get(i - 1))).as("streamed standings %s", events)
					.isNotEqualTo(1.0);
			}
		}
		finally {
			stream.dispose();
		}
	}

	@Test
	void aRaisedMinimumGroupSizeAppliesToTheNextReadAndTheNextStreamedStanding() throws Exception {
		List<String> six = members("six", "Six", 6);
		UUID challenge = runningChallenge(false, "Six");
		six.forEach((token) -> this.challenges.join(token, challenge, false));
		six.forEach((token) -> this.challenges.log(token, 1));
		assertThat(ChallengeClient.team(this.challenges.leaderboard(six.get(0), challenge), "Six"))
			.containsEntry("total", 6.0);
		// a stream open across the change keeps the instance's shared standing alive
		BlockingQueue<Double> before = new LinkedBlockingQueue<>();
		Disposable watching = WebClient.create(baseUrl())
			.get()
			.uri("/api/v1/challenges/" + challenge + "/leaderboard")
			.headers((h) -> h.setBearerAuth(six.get(2)))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT)
			.filter((event) -> event.data() != null)
			.subscribe((event) -> before.add(total(event.data(), "Six")));
		assertThat(before.poll(30, TimeUnit.SECONDS)).isEqualTo(6.0);

		this.http.put()
			.uri("/api/v1/org/settings")
			.headers((h) -> h.setBearerAuth(this.admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("displayName", "Attack", "minGroupSize", 10, "timeZone", "UTC"))
			.exchange()
			.expectStatus()
			.isOk();

		Map<String, Object> team = ChallengeClient.team(this.challenges.leaderboard(six.get(0), challenge), "Six");
		assertThat(team.get("total")).isNull();
		assertThat(team.get("fewerThan")).isEqualTo(10);
		Map<String, Object> streamed = WebClient.create(baseUrl())
			.get()
			.uri("/api/v1/challenges/" + challenge + "/leaderboard")
			.headers((h) -> h.setBearerAuth(six.get(1)))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT)
			.filter((event) -> event.data() != null)
			.blockFirst(Duration.ofSeconds(20))
			.data();
		assertThat(ChallengeClient.team(streamed, "Six").get("total")).isNull();
		watching.dispose();
	}

	private List<String> members(String prefix, String team, int count) {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add(this.challenges.member(this.organization, team + " " + prefix + i, List.of(team)));
		}
		return tokens;
	}

	private UUID runningChallenge(boolean showIndividuals, String... teams) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		for (String team : teams) {
			// a team exists once someone signed in with it
			this.challenges.member(this.organization, "founder " + team, List.of(team));
		}
		List<UUID> ids = java.util.Arrays.stream(teams)
			.map((team) -> this.challenges.teamId(this.admin, team))
			.toList();
		Map<String, Object> rules = ChallengeClient.challenge(now.minusDays(1), now.plusDays(7), "sessions", 5, ids);
		rules.put("showIndividuals", showIndividuals);
		return this.challenges.created(this.admin, rules);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> individuals(Map<String, Object> leaderboard) {
		return (List<Map<String, Object>>) leaderboard.get("individuals");
	}

	private static double total(Map<String, Object> leaderboard, String team) {
		Object total = ChallengeClient.team(leaderboard, team).get("total");
		return (total != null) ? ((Number) total).doubleValue() : -1;
	}

}
