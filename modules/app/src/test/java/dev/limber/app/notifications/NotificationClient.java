package dev.limber.app.notifications;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The notification API as a member's client calls it. */
record NotificationClient(WebTestClient http) {

	UUID memberId(String token) {
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

	WebTestClient.ResponseSpec put(String token, Object body) {
		return this.http.put()
			.uri("/api/v1/me/notifications")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	Map<?, ?> get(String token) {
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
	void choose(String token, String language, boolean weeklySummary, boolean emailChallenges, boolean pushBreaks,
			boolean pushChallenges) {
		put(token,
				Map.of("email", Map.of("weeklySummary", weeklySummary, "challenges", emailChallenges), "push",
						Map.of("breakReminders", pushBreaks, "challenges", pushChallenges), "language", language))
			.expectStatus()
			.isOk();
	}

}
