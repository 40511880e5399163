package dev.limber.notifications.testing;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The notification API as a member's client calls it. */
public record NotificationClient(WebTestClient http) {

	public UUID memberId(String token) {
		Map<?, ?> me = this.http.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString(String.valueOf(me.get("id")));
	}

	public WebTestClient.ResponseSpec put(String token, Object body) {
		return this.http.put()
			.uri("/api/v1/me/notifications")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	public Map<?, ?> get(String token) {
		return this.http.get()
			.uri("/api/v1/me/notifications")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/** Turns on exactly the given choices, in {@code language}. */
	public void choose(String token, String language, boolean weeklySummary, boolean emailChallenges,
			boolean pushBreaks, boolean pushChallenges) {
		put(token,
				Map.of("email", Map.of("weeklySummary", weeklySummary, "challenges", emailChallenges), "push",
						Map.of("breakReminders", pushBreaks, "challenges", pushChallenges), "language", language))
			.expectStatus()
			.isOk();
	}

}
