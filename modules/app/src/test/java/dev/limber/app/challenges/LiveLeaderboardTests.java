package dev.limber.app.challenges;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

import dev.limber.app.LimberApplication;
import dev.limber.app.database.DatabaseServer;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live leaderboards across instances: a second application instance runs on the same
 * PostgreSQL; a stream served by one instance receives the standing after an activity was
 * logged on the other. The last standing streamed equals a fresh computation.
 */
class LiveLeaderboardTests extends LimberIntegrationTest {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	static ConfigurableApplicationContext secondInstance;

	@Autowired
	DatabaseServer database;

	@AfterAll
	static void stopSecondInstance() {
		if (secondInstance != null) {
			secondInstance.close();
		}
	}

	@Test
	void anActivityLoggedOnOneInstanceUpdatesStreamsServedByAnother() throws Exception {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("live");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		// teams of 5: a smaller team shows no figures
		List<String> blue = java.util.stream.IntStream.range(0, 5)
			.mapToObj((i) -> challenges.member(organization, "Alice " + i, List.of("Blue")))
			.toList();
		List<String> green = java.util.stream.IntStream.range(0, 5)
			.mapToObj((i) -> challenges.member(organization, "Bob " + i, List.of("Green")))
			.toList();
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		UUID challenge = challenges.created(admin, ChallengeClient.challenge(now.minusDays(1), now.plusDays(7),
				"minutes", 60, List.of(challenges.teamId(admin, "Blue"), challenges.teamId(admin, "Green"))));
		blue.forEach((token) -> challenges.join(token, challenge, false));
		green.forEach((token) -> challenges.join(token, challenge, false));

		String other = "http://localhost:" + startSecondInstance();
		BlockingQueue<Map<String, Object>> streamed = new LinkedBlockingQueue<>();
		Disposable stream = WebClient.create(other)
			.get()
			.uri("/api/v1/challenges/" + challenge + "/leaderboard")
			.headers((h) -> h.setBearerAuth(admin))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENT)
			.filter((event) -> event.data() != null)
			.subscribe((event) -> streamed.add(event.data()));
		try {
			assertThat(streamed.poll(30, TimeUnit.SECONDS)).isNotNull();

			blue.forEach((token) -> challenges.log(token, 600, null));
			assertThat(awaitTotal(streamed, "Blue", 50.0)).as("Blue's standing streamed by the other instance")
				.isTrue();

			green.forEach((token) -> challenges.log(token, 300, null));
			blue.forEach((token) -> challenges.log(token, 120, null));
			green.forEach((token) -> challenges.log(token, 900, null));
			assertThat(awaitTotal(streamed, "Green", 100.0)).isTrue();
			Map<String, Object> lastStreamed = latest(streamed);
			Map<String, Object> recomputed = challenges.leaderboard(admin, challenge);
			assertThat(lastStreamed.get("teams")).isEqualTo(recomputed.get("teams"));
			assertThat(total(recomputed, "Blue")).isEqualTo(60.0);
		}
		finally {
			stream.dispose();
		}
	}

	private int startSecondInstance() {
		// Command-line arguments: they win over application.yml, as they
		// would in production.
		secondInstance = new SpringApplicationBuilder(LimberApplication.class).run("--server.port=0",
				"--limber.db.url=" + this.database.jdbcUrl(),
				"--limber.db.owner.username=" + this.database.owner().username(),
				"--limber.db.owner.password=" + this.database.owner().password(),
				"--limber.db.app.username=" + this.database.app().username(),
				"--limber.db.app.password=" + this.database.app().password(),
				"--limber.security.allow-local-issuers=true", "--limber.reporting.ingestion.enabled=false",
				"--limber.security.platform.issuer-uri=" + TestIdentityProvider.issuer(TestIdentityProvider.PLATFORM));
		int port = ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.build()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk();
		return port;
	}

	private static boolean awaitTotal(BlockingQueue<Map<String, Object>> streamed, String team, double expected)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> standing = streamed.poll(1, TimeUnit.SECONDS);
			if (standing != null && total(standing, team) == expected) {
				streamed.add(standing);
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> latest(BlockingQueue<Map<String, Object>> streamed) throws InterruptedException {
		Map<String, Object> latest = streamed.poll(5, TimeUnit.SECONDS);
		for (Map<String, Object> next = streamed.poll(2, TimeUnit.SECONDS); next != null; next = streamed.poll(2,
				TimeUnit.SECONDS)) {
			latest = next;
		}
		return latest;
	}

	private static double total(Map<String, Object> leaderboard, String team) {
		Object total = ChallengeClient.team(leaderboard, team).get("total");
		return (total != null) ? ((Number) total).doubleValue() : -1;
	}

}
