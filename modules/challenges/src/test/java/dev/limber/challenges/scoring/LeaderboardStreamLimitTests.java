package dev.limber.challenges.scoring;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member holds at most four open leaderboard streams
 * (limber.challenges.streams-per-member): a fifth is refused with a 429 problem, another
 * member is not affected, and closing one makes room again.
 */
class LeaderboardStreamLimitTests extends ModuleIntegrationTest {

	@Test
	void aMemberHoldsAFewStreamsAndTheNextIsRefused() throws Exception {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("streams");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		String greedy = challenges.member(organization, "Greedy", List.of("Blue"));
		String other = challenges.member(organization, "Other", List.of("Blue"));
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		UUID challenge = challenges.created(admin, ChallengeClient.challenge(now.minusDays(1), now.plusDays(7),
				"sessions", 5, List.of(challenges.teamId(admin, "Blue"))));
		String path = "/api/v1/challenges/" + challenge + "/leaderboard";

		List<Disposable> open = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				open.add(stream(greedy, path));
			}
			this.http.get()
				.uri(path)
				.headers((h) -> h.setBearerAuth(greedy))
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isEqualTo(429)
				// the problem, written for the event-stream client that asked
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("/problems/too-many-requests"));
			open.add(stream(other, path));

			open.remove(0).dispose();
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			int status = 0;
			while (status != 200 && System.nanoTime() < deadline) {
				Thread.sleep(200);
				try {
					WebClient.create(baseUrl())
						.get()
						.uri(path)
						.headers((h) -> h.setBearerAuth(greedy))
						.accept(MediaType.TEXT_EVENT_STREAM)
						.retrieve()
						.bodyToFlux(String.class)
						.blockFirst(Duration.ofSeconds(10));
					status = 200;
				}
				catch (WebClientResponseException ex) {
					status = ex.getStatusCode().value();
				}
			}
			assertThat(status).as("a stream after closing one").isEqualTo(200);
		}
		finally {
			open.forEach(Disposable::dispose);
		}
	}

	/** An open stream, once its first standing arrived. */
	private Disposable stream(String token, String path) throws InterruptedException {
		CountDownLatch first = new CountDownLatch(1);
		Disposable stream = WebClient.create(baseUrl())
			.get()
			.uri(path)
			.headers((h) -> h.setBearerAuth(token))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(String.class)
			.subscribe((event) -> first.countDown());
		assertThat(first.await(20, TimeUnit.SECONDS)).as("first standing").isTrue();
		return stream;
	}

}
