package dev.limber.challenges.testing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.TestOrganization;

/**
 * Calls the challenge API the way a client would, for tests that care about the outcome.
 * Shared through the challenges test-jar with the application's cross-module journeys.
 */
public final class ChallengeClient {

	private final WebTestClient http;

	public ChallengeClient(WebTestClient http) {
		this.http = http;
	}

	/**
	 * A member token with the given teams (SSO groups) and role claim values; signs them
	 * in.
	 */
	public String member(TestOrganization organization, String name, List<String> teams, String... roles) {
		String user = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
		String token = organization.token(user, Map.of("name", name, "groups", teams, "roles", List.of(roles)));
		this.http.get().uri("/api/v1/me").headers((h) -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		return token;
	}

	public UUID teamId(String adminToken, String name) {
		List<?> teams = this.http.get()
			.uri("/api/v1/org/teams")
			.headers((h) -> h.setBearerAuth(adminToken))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		return teams.stream()
			.map(Map.class::cast)
			.filter((team) -> name.equals(team.get("name")))
			.map((team) -> UUID.fromString((String) team.get("id")))
			.findFirst()
			.orElseThrow();
	}

	public static Map<String, Object> challenge(LocalDateTime start, LocalDateTime end, String metric, int dailyCap,
			List<UUID> teams) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Stretch together");
		body.put("startsAt", start.toString());
		body.put("endsAt", end.toString());
		body.put("metric", metric);
		body.put("dailyCap", dailyCap);
		body.put("teams", teams);
		body.put("published", true);
		return body;
	}

	public WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
		return this.http.post()
			.uri("/api/v1/challenges")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	public UUID created(String token, Map<String, Object> body) {
		Map<?, ?> created = create(token, body).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) created.get("id"));
	}

	public void join(String token, UUID challenge, boolean showName) {
		this.http.put()
			.uri("/api/v1/challenges/" + challenge + "/participation")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("showName", showName))
			.exchange()
			.expectStatus()
			.isOk();
	}

	public void log(String token, int seconds, OffsetDateTime completedAt) {
		Map<String, Object> body = new HashMap<>(Map.of("routine", "desk-reset-5-min", "durationSeconds", seconds));
		if (completedAt != null) {
			body.put("completedAt", completedAt.toString());
		}
		this.http.post()
			.uri("/api/v1/activities")
			.headers((h) -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	public void log(String token, int times) {
		for (int i = 0; i < times; i++) {
			log(token, 300, null);
		}
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> leaderboard(String token, UUID challenge) {
		return this.http.get()
			.uri("/api/v1/challenges/" + challenge + "/leaderboard")
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> team(Map<String, Object> leaderboard, String name) {
		return ((List<Map<String, Object>>) leaderboard.get("teams")).stream()
			.filter((team) -> name.equals(team.get("name")))
			.findFirst()
			.orElseThrow();
	}

}
