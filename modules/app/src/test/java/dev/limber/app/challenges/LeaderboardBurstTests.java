package dev.limber.app.challenges;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.limber.app.LimberApplication;
import dev.limber.app.database.DatabaseServer;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many members open a challenge's live leaderboard at once, on an instance whose request
 * pool has one connection and waits half a second for it: they share the reads of the
 * standing instead of needing a connection each, so all connect, and each still sees only
 * what they may (their own contribution, nobody's place). A draft and another
 * organization's challenge stay 404. Members the instance has never seen sign in on their
 * stream's first request, each needing a connection: they wait their turn on the busy
 * pool instead of getting a 503 that a browser's {@code EventSource} would never retry.
 */
class LeaderboardBurstTests extends LimberIntegrationTest {

	private static final int SUBSCRIBERS = 100;

	/**
	 * Enough sign-ins that one connection cannot write them all within the acquire
	 * timeout.
	 */
	private static final int NEW_SUBSCRIBERS = 200;

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	static ConfigurableApplicationContext smallPool;

	@Autowired
	DatabaseServer database;

	@AfterAll
	static void stopSmallPoolInstance() {
		if (smallPool != null) {
			smallPool.close();
		}
	}

	@Test
	void subscribersAtOnceShareTheFirstStandingAndEachSeesTheirOwnView() throws Exception {
		ChallengeClient challenges = new ChallengeClient(this.http);
		Burst burst = burst(challenges, "burst", SUBSCRIBERS);
		String admin = burst.admin();
		List<String> members = burst.members();
		UUID challenge = burst.challenge();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		Map<String, Object> draftRules = ChallengeClient.challenge(now.minusDays(1), now.plusDays(7), "sessions", 5,
				List.of(challenges.teamId(admin, team(0))));
		draftRules.put("published", false);
		UUID draft = challenges.created(admin, draftRules);
		// every third member logged a session, every third two
		for (int i = 0; i < SUBSCRIBERS; i++) {
			challenges.log(members.get(i), i % 3);
		}
		String other = onboard("burst-other").admin("intruder");

		String url = smallPoolInstance();
		// signed in on that instance before, as members of a real burst are
		WebTestClient small = WebTestClient.bindToServer().baseUrl(url).build();
		members.forEach((token) -> small.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk());

		Map<Integer, Map<String, Object>> firsts = firstStandings(url, members, challenge);

		assertThat(firsts).as("subscribers who got their first standing").hasSize(SUBSCRIBERS);
		firsts.forEach((subscriber, standing) -> {
			Map<?, ?> you = (Map<?, ?>) standing.get("you");
			assertThat(((Number) you.get("contribution")).doubleValue()).as("contribution of " + subscriber)
				.isEqualTo(subscriber % 3);
			assertThat(you.get("team")).as("team of " + subscriber).isEqualTo(team(subscriber));
			assertThat(standing.get("individuals")).as("nobody chose to be named").isEqualTo(List.of());
		});
		assertThat(status(url, members.get(0), draft)).as("a draft, to an employee").isEqualTo(404);
		assertThat(status(url, admin, draft)).as("a draft, to its organizer").isEqualTo(200);
		assertThat(status(url, other, challenge)).as("another organization's challenge").isEqualTo(404);
	}

	@Test
	void membersNeverSeenBeforeAllConnectWhileTheirSignInsQueueOnTheBusyPool() throws Exception {
		ChallengeClient challenges = new ChallengeClient(this.http);
		Burst burst = burst(challenges, "burst-cold", NEW_SUBSCRIBERS);
		challenges.log(burst.members().get(0), 2);

		// nobody has signed in on the small instance: each stream's first request writes
		// a
		// sign-in, and one connection cannot write them all within 500 ms
		Map<Integer, Map<String, Object>> firsts = firstStandings(smallPoolInstance(), burst.members(),
				burst.challenge());

		assertThat(firsts).as("subscribers who got their first standing").hasSize(NEW_SUBSCRIBERS);
		assertThat(((Number) ((Map<?, ?>) firsts.get(0).get("you")).get("contribution")).doubleValue())
			.as("the member who logged two sessions")
			.isEqualTo(2);
	}

	/** An organization's running challenge of two teams, every member joined. */
	private Burst burst(ChallengeClient challenges, String name, int size) {
		TestOrganization organization = onboard(name);
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		List<String> members = IntStream.range(0, size)
			.mapToObj((i) -> challenges.member(organization, "Member " + i, List.of(team(i))))
			.toList();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		UUID challenge = challenges.created(admin, ChallengeClient.challenge(now.minusDays(1), now.plusDays(7),
				"sessions", 5, List.of(challenges.teamId(admin, team(0)), challenges.teamId(admin, team(1)))));
		members.forEach((token) -> challenges.join(token, challenge, false));
		return new Burst(admin, members, challenge);
	}

	private record Burst(String admin, List<String> members, UUID challenge) {
	}

	/** Every member opens the stream at once; the first standing each one got. */
	private static Map<Integer, Map<String, Object>> firstStandings(String url, List<String> members, UUID challenge)
			throws InterruptedException {
		Map<Integer, Map<String, Object>> firsts = new ConcurrentHashMap<>();
		CountDownLatch answered = new CountDownLatch(members.size());
		List<Disposable> streams = new ArrayList<>();
		try {
			for (int i = 0; i < members.size(); i++) {
				int subscriber = i;
				streams.add(stream(url, members.get(i), "/api/v1/challenges/" + challenge + "/leaderboard").take(1)
					.subscribe((event) -> firsts.put(subscriber, event.data()), (error) -> answered.countDown(),
							answered::countDown));
			}
			assertThat(answered.await(60, TimeUnit.SECONDS)).as("every subscriber answered").isTrue();
		}
		finally {
			streams.forEach(Disposable::dispose);
		}
		return firsts;
	}

	private static String team(int member) {
		return (member % 2 == 0) ? "Blue" : "Green";
	}

	private static reactor.core.publisher.Flux<ServerSentEvent<Map<String, Object>>> stream(String url, String token,
			String path) {
		return WebClient.create(url)
			.get()
			.uri(path)
			.headers((h) -> h.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT)
			.filter((event) -> event.data() != null);
	}

	/** The status a stream of the challenge's leaderboard opens with. */
	private static int status(String url, String token, UUID challenge) {
		try {
			stream(url, token, "/api/v1/challenges/" + challenge + "/leaderboard").blockFirst(Duration.ofSeconds(20));
			return 200;
		}
		catch (WebClientResponseException ex) {
			return ex.getStatusCode().value();
		}
	}

	/** One instance for both tests, started by the first. */
	private String smallPoolInstance() {
		if (smallPool == null) {
			smallPool = startSmallPoolInstance();
		}
		return "http://localhost:" + ((WebServerApplicationContext) smallPool).getWebServer().getPort();
	}

	private ConfigurableApplicationContext startSmallPoolInstance() {
		return new SpringApplicationBuilder(LimberApplication.class).run("--server.port=0",
				"--limber.db.url=" + this.database.jdbcUrl(),
				"--limber.db.owner.username=" + this.database.owner().username(),
				"--limber.db.owner.password=" + this.database.owner().password(),
				"--limber.db.app.username=" + this.database.app().username(),
				"--limber.db.app.password=" + this.database.app().password(), "--limber.db.migrations=skip",
				"--limber.db.pool.max-size=1", "--limber.db.pool.acquire-timeout=500ms",
				// the subscribers are the load, not callers to throttle
				"--limber.rate-limits.enabled=false", "--limber.security.allow-local-issuers=true",
				"--limber.reporting.ingestion.enabled=false",
				"--limber.security.platform.issuer-uri=" + TestIdentityProvider.issuer(TestIdentityProvider.PLATFORM));
	}

}
