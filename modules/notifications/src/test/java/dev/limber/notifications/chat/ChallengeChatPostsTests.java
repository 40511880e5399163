package dev.limber.notifications.chat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.NotificationsIntegrationTest;
import dev.limber.notifications.outbox.OutboxWorker;
import dev.limber.notifications.testing.ChatReceiver;
import dev.limber.notifications.testing.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team chats: a challenge's daily standing reaches a Slack and a Teams webhook (an
 * Adaptive Card) with exactly what the leaderboard shows every member, once each even
 * when the receiver fails for a while; webhook URLs are secrets and only organizers
 * connect them.
 */
class ChallengeChatPostsTests extends NotificationsIntegrationTest {

	@Autowired
	ChallengePosts posts;

	@Autowired
	OutboxWorker worker;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Test
	void theDailyStandingIsPostedOnceWithTheLeaderboardsPrivacy() {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("chat");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		List<String> large = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			large.add(challenges.member(organization, "Visible Val " + i, List.of("Large")));
		}
		String hiddenHolly = challenges.member(organization, "Hidden Holly", List.of("Large"));
		String smallSam = challenges.member(organization, "Small Sam", List.of("Small"));
		String smallSue = challenges.member(organization, "Small Sue", List.of("Small"));
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		Map<String, Object> rules = ChallengeClient.challenge(now.minusDays(2), now.plusDays(7), "sessions", 5,
				List.of(challenges.teamId(admin, "Large"), challenges.teamId(admin, "Small")));
		rules.put("showIndividuals", true);
		UUID challenge = challenges.created(admin, rules);
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

		try (ChatReceiver receiver = new ChatReceiver()) {
			connect(admin, "slack", receiver.url("slack"), challenge).expectStatus().isCreated();
			Map<?, ?> teams = connect(admin, "teams", receiver.url("teams"), null).expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat((String) teams.get("url")).doesNotContain("/teams").endsWith("eams");

			receiver.failing("slack", true);
			assertThat(this.posts.enqueueDue().block()).isEqualTo(2);
			assertThat(this.posts.enqueueDue().block()).as("the same day's standing again").isZero();
			this.worker.drain().block();
			this.worker.drain().block();
			receiver.failing("slack", false);
			for (int i = 0; i < 3; i++) {
				this.worker.drain().block();
			}

			String link = baseUrl() + "/challenges/" + challenge;
			List<String> lines = List.of("1. Large: 1.6 sessions per member (9 members)",
					"Small: fewer than 5 took part, no figures shown",
					"Named by their choice: " + named(challenges.leaderboard(admin, challenge)),
					"Leaderboard: " + link);
			String heading = "Standing of Stretch together";
			assertThat(receiver.accepted("slack"))
				.containsExactly(Map.of("text", "*" + heading + "*\n" + String.join("\n", lines)));
			List<Object> body = new ArrayList<>();
			body.add(Map.of("type", "TextBlock", "text", heading, "weight", "Bolder", "size", "Medium", "wrap", true));
			lines.forEach((line) -> body.add(Map.of("type", "TextBlock", "text", line, "wrap", true)));
			assertThat(receiver.accepted("teams")).containsExactly(Map.of("type", "message", "attachments",
					List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content",
							Map.of("$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type",
									"AdaptiveCard", "version", "1.4", "body", body)))));
			assertThat(receiver.all()).allSatisfy((post) -> assertThat(post).doesNotContain("Hidden Holly")
				.doesNotContain("Small Sue")
				.doesNotContain("Small Sam")
				.doesNotContain("Visible Val 2"));
		}
	}

	/**
	 * A German organization's chats are posted in German: one chosen explicitly, one
	 * taken from the connecting admin's language; numbers and words as German readers
	 * write them.
	 */
	@Test
	void aGermanChatIsPostedInGerman() {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("chat-de");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		List<String> blau = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			blau.add(challenges.member(organization, "Bea " + i, List.of("Blau")));
		}
		String klein = challenges.member(organization, "Karl", List.of("Klein"));
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		UUID challenge = challenges.created(admin, ChallengeClient.challenge(now.minusDays(1), now.plusDays(7),
				"sessions", 5, List.of(challenges.teamId(admin, "Blau"), challenges.teamId(admin, "Klein"))));
		blau.forEach((token) -> challenges.join(token, challenge, false));
		challenges.join(klein, challenge, false);
		blau.forEach((token) -> challenges.log(token, 1));
		challenges.log(klein, 1);

		try (ChatReceiver receiver = new ChatReceiver()) {
			Map<?, ?> slack = connect(admin, "slack", receiver.url("slack"), challenge, "de", "en").expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(slack.get("language")).isEqualTo("de");
			connect(admin, "teams", receiver.url("teams"), challenge, null, "de-DE,de;q=0.9").expectStatus()
				.isCreated();
			connect(admin, "teams", receiver.url("teams"), challenge, "fr", "de").expectStatus().isBadRequest();
			this.posts.enqueueDue().block();
			this.worker.drain().block();

			String heading = "Zwischenstand von Stretch together";
			List<String> lines = List.of("1. Blau: 1,0 Einheiten pro Mitglied (5 Mitglieder)",
					"Klein: weniger als 5 haben mitgemacht, keine Zahlen",
					"Rangliste: " + baseUrl() + "/challenges/" + challenge);
			assertThat(receiver.accepted("slack"))
				.containsExactly(Map.of("text", "*" + heading + "*\n" + String.join("\n", lines)));
			List<Object> body = new ArrayList<>();
			body.add(Map.of("type", "TextBlock", "text", heading, "weight", "Bolder", "size", "Medium", "wrap", true));
			lines.forEach((line) -> body.add(Map.of("type", "TextBlock", "text", line, "wrap", true)));
			assertThat(receiver.accepted("teams")).containsExactly(Map.of("type", "message", "attachments",
					List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content",
							Map.of("$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type",
									"AdaptiveCard", "version", "1.4", "body", body)))));
		}
	}

	/**
	 * An attacker's certificate, or the trusted CA's for another name, gets no post and
	 * the post waits.
	 */
	@Test
	void aReceiverWithoutATrustedCertificateForItsAddressGetsNothing() {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("chat-tls");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		challenges.member(organization, "Val", List.of("Blue"));
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		UUID challenge = challenges.created(admin, ChallengeClient.challenge(now.minusDays(1), now.plusDays(7),
				"sessions", 5, List.of(challenges.teamId(admin, "Blue"))));
		try (ChatReceiver stranger = new ChatReceiver(TestCertificates.strangeServer());
				ChatReceiver misnamed = new ChatReceiver(TestCertificates.trustedServerForAnotherName())) {
			connect(admin, "slack", stranger.url("slack"), challenge).expectStatus().isCreated();
			connect(admin, "teams", misnamed.url("teams"), challenge).expectStatus().isCreated();
			this.posts.enqueueDue().block();
			this.worker.drain().block();

			assertThat(stranger.all()).isEmpty();
			assertThat(misnamed.all()).isEmpty();
			Map<String, String> errors = errors(new TenantId(organization.id()));
			assertThat(errors.get("slack")).contains("unable to find valid certification path");
			assertThat(errors.get("teams")).contains("No subject alternative names matching IP address 127.0.0.1");
		}
	}

	/** The last error of each channel's pending post in the organization. */
	private Map<String, String> errors(TenantId tenant) {
		return this.database
			.sql("select channel, last_error from notifications.message where status = 'pending' and attempts > 0")
			.map((row, metadata) -> Map.entry(row.get("channel", String.class),
					String.valueOf(row.get("last_error", String.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant))
			.block();
	}

	@Test
	void onlyOrganizersConnectAndOnlyToTheProvidersHosts() {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("chat-rules");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		String lead = challenges.member(organization, "lead", List.of("Blue"), "team-lead");
		String employee = challenges.member(organization, "emma", List.of("Blue"));
		connect(employee, "slack", "https://hooks.slack.com/services/T0/B0/secret", null).expectStatus().isForbidden();
		connect(lead, "slack", "https://hooks.slack.com/services/T0/B0/secret", null).expectStatus().isForbidden();
		for (String url : List.of("https://evil.example/services/x", "http://hooks.slack.com/services/x",
				"https://hooks.slack.com:8443/services/x", "https://user@hooks.slack.com/x", "https://10.0.0.1/x")) {
			connect(admin, "slack", url, null).expectStatus().isBadRequest();
		}
		connect(admin, "teams", "https://hooks.slack.com/services/x", null).expectStatus().isBadRequest();
		connect(admin, "email", "https://hooks.slack.com/services/x", null).expectStatus().isBadRequest();
		connect(admin, "slack", "https://hooks.slack.com/services/x", UUID.randomUUID()).expectStatus().isEqualTo(422);
		Map<?, ?> created = connect(admin, "slack", "https://hooks.slack.com/services/T0/B0/verysecretpart", null)
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String listed = this.http.get()
			.uri("/api/v1/notifications/webhooks")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(listed).contains("https://hooks.slack.com/").doesNotContain("verysecret");
		this.http.delete()
			.uri("/api/v1/notifications/webhooks/" + created.get("id"))
			.headers((headers) -> headers.setBearerAuth(employee))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static String named(Map<String, Object> leaderboard) {
		List<?> individuals = (List<?>) leaderboard.get("individuals");
		assertThat(individuals).isNotEmpty();
		return String.join(", ", individuals.stream()
			.map(Map.class::cast)
			.map((member) -> member.get("name") + " (" + Math.round(((Number) member.get("score")).doubleValue()) + ")")
			.toList());
	}

	private WebTestClient.ResponseSpec connect(String token, String channel, String url, UUID challenge) {
		return connect(token, channel, url, challenge, null, "en");
	}

	private WebTestClient.ResponseSpec connect(String token, String channel, String url, UUID challenge,
			String language, String acceptLanguage) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("channel", channel, "url", url, "dailyAt", "00:00"));
		if (challenge != null) {
			body.put("challengeId", challenge);
		}
		if (language != null) {
			body.put("language", language);
		}
		return this.http.post()
			.uri("/api/v1/notifications/webhooks")
			.headers((headers) -> headers.setBearerAuth(token))
			.header("Accept-Language", acceptLanguage)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
