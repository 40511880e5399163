package dev.limber.notifications.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.notifications.NotificationsIntegrationTest;
import dev.limber.notifications.outbox.OutboxWorker;
import dev.limber.notifications.summary.WeeklySummaries;
import dev.limber.notifications.testing.MailServer;
import dev.limber.notifications.testing.NotificationClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email end to end: the weekly summary reaches an in-JVM SMTP server with its HTML and
 * plain text parts in the recipient's language, and its one-click unsubscribe link works
 * without signing in, by POST only.
 */
class EmailNotificationTests extends NotificationsIntegrationTest {

	static final MailServer mail = new MailServer(MAIL_PORT);

	@Autowired
	OutboxWorker worker;

	@Autowired
	WeeklySummaries summaries;

	@Autowired
	MovableClock clock;

	@BeforeAll
	static void startMailServer() {
		mail.start();
	}

	@AfterAll
	static void stopMailServer() {
		mail.stop();
	}

	@Test
	void weeklySummaryArrivesInGermanWithBothPartsAndItsOneClickUnsubscribeWorks() throws Exception {
		TestOrganization organization = onboard("summaries");
		String token = organization.employee("anna");
		NotificationClient client = new NotificationClient(this.http);
		client.memberId(token);
		client.choose(token, "de", true, false, false, false);
		logRoutine(token, 300);
		logRoutine(token, 420);

		// a week later, the week with those activities is the last complete one
		this.clock.advance(Duration.ofDays(7));
		try {
			assertThat(this.summaries.enqueueDue().block()).isPositive();
			assertThat(this.summaries.enqueueDue().block()).as("a second run adds nothing").isZero();
			this.worker.drain().block();
		}
		finally {
			this.clock.reset();
		}

		List<MimeMessage> received = mail.to("anna@" + organization.slug() + ".test");
		assertThat(received).hasSize(1);
		MimeMessage message = received.get(0);
		assertThat(message.getSubject()).isEqualTo("Ihre Woche mit Limber");
		assertThat(MailServer.part(message, "text/plain")).contains("Sie haben sich 12 Minuten in 2 Einheiten bewegt.")
			.contains("Ihre Serie: 1 Tag in Folge.");
		assertThat(MailServer.part(message, "text/html")).contains("Sie haben sich 12 Minuten in 2 Einheiten bewegt.")
			.contains("lang=\"de\"");
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String unsubscribe = unsubscribeUrl(message.getHeader("List-Unsubscribe", null));
		assertThat(MailServer.part(message, "text/plain")).contains(unsubscribe);

		// opening the link (as a mail scanner would) changes nothing
		this.http.get().uri(unsubscribe).exchange().expectStatus().isOk();
		assertThat(emailChoices(client, token)).containsEntry("weeklySummary", true);
		// a forged or altered token is refused, also one that spells the same bytes
		for (String altered : altered(unsubscribe)) {
			this.http.post().uri(altered).exchange().expectStatus().isNotFound();
		}
		this.http.post()
			.uri(baseUrl() + "/notifications/unsubscribe/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(emailChoices(client, token)).containsEntry("weeklySummary", true);

		// the mail client's one-click POST, without a session or CSRF token
		this.http.post()
			.uri(unsubscribe)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("List-Unsubscribe=One-Click")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(emailChoices(client, token)).containsEntry("weeklySummary", false);
	}

	@Test
	void theSummaryIsInEnglishForAnEnglishReaderAndOnlyForThoseWhoOptedIn() throws Exception {
		TestOrganization organization = onboard("summaries-en");
		NotificationClient client = new NotificationClient(this.http);
		String reader = organization.employee("ben");
		String other = organization.employee("carla");
		client.choose(reader, "en", true, false, false, false);
		client.choose(other, "en", false, true, false, false);
		logRoutine(reader, 600);
		this.clock.advance(Duration.ofDays(7));
		try {
			this.summaries.enqueueDue().block();
			this.worker.drain().block();
		}
		finally {
			this.clock.reset();
		}
		List<MimeMessage> received = mail.to("ben@" + organization.slug() + ".test");
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).isEqualTo("Your week with Limber");
		assertThat(MailServer.part(received.get(0), "text/plain")).contains("You moved for 10 minutes in 1 session.")
			.contains("Your streak: 1 day in a row.");
		assertThat(mail.to("carla@" + organization.slug() + ".test")).isEmpty();
	}

	/**
	 * The link with its token's last character changed (to another one: "x" may be the
	 * last already).
	 */
	/**
	 * The link with a character of its signature changed, and with its last character's
	 * unused bit flipped: a 32-byte signature is 43 base64 characters, whose last carries
	 * only 4 bits, so that spelling decodes to the same bytes.
	 */
	private static List<String> altered(String link) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int last = link.length() - 1;
		char sameBytes = alphabet.charAt(alphabet.indexOf(link.charAt(last)) ^ 1);
		int inside = last - 10;
		char changed = (link.charAt(inside) == 'A') ? 'B' : 'A';
		return List.of(link.substring(0, last) + sameBytes,
				link.substring(0, inside) + changed + link.substring(inside + 1));
	}

	private void logRoutine(String token, int seconds) {
		this.http.post()
			.uri("/api/v1/activities")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("routine", "desk-reset-5-min", "durationSeconds", seconds))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static Map<Object, Object> emailChoices(NotificationClient client, String token) {
		@SuppressWarnings("unchecked")
		Map<Object, Object> email = (Map<Object, Object>) client.get(token).get("email");
		return email;
	}

	private static String unsubscribeUrl(String header) {
		Matcher matcher = Pattern.compile("<(http[^>]+)>").matcher(header);
		assertThat(matcher.find()).as(header).isTrue();
		return matcher.group(1);
	}

}
