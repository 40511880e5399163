package dev.limber.notifications.challenge;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.notifications.NotificationsIntegrationTest;
import dev.limber.notifications.outbox.OutboxWorker;
import dev.limber.notifications.testing.MailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Challenge emails: an invitation to members who want challenge emails and have not
 * joined, the final results to those who joined, each once, with a team below k shown by
 * name only.
 */
class ChallengeEmailTests extends NotificationsIntegrationTest {

	final MailServer mail = new MailServer(MAIL_PORT);

	@Autowired
	ChallengeNotices notices;

	@Autowired
	OutboxWorker worker;

	@Autowired
	MovableClock clock;

	@BeforeEach
	void startMailServer() {
		this.mail.start();
	}

	@AfterEach
	void stopMailServer() {
		this.mail.stop();
	}

	@Test
	void invitationsToThoseWhoHaveNotJoinedAndResultsToThoseWhoDid() throws Exception {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("challenge-mail");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		String ann = challenges.member(organization, "Ann", List.of("Blue"));
		String bob = challenges.member(organization, "Bob", List.of("Blue"));
		challenges.member(organization, "Cid", List.of("Blue"));
		optIn(ann);
		optIn(bob);
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		Map<String, Object> rules = ChallengeClient.challenge(now.minusHours(1), now.plusHours(2), "sessions", 5,
				List.of(challenges.teamId(admin, "Blue")));
		rules.put("graceHours", 1);
		UUID challenge = challenges.created(admin, rules);
		challenges.join(ann, challenge, true);
		challenges.log(ann, 1);

		this.notices.enqueueDue().block();
		assertThat(this.notices.enqueueDue().block()).as("nothing new").isZero();
		this.worker.drain().block();
		assertThat(this.mail.to("ann@" + organization.slug() + ".test")).as("Ann joined already").isEmpty();
		assertThat(this.mail.to("cid@" + organization.slug() + ".test")).as("Cid did not opt in").isEmpty();
		List<MimeMessage> invitations = this.mail.to("bob@" + organization.slug() + ".test");
		assertThat(invitations).hasSize(1);
		assertThat(invitations.get(0).getSubject()).isEqualTo("A new team challenge");
		assertThat(MailServer.part(invitations.get(0), "text/plain")).contains("Stretch together")
			.contains(baseUrl() + "/challenges/" + challenge);

		this.clock.advance(Duration.ofHours(4));
		try {
			this.notices.enqueueDue().block();
			this.notices.enqueueDue().block();
			this.worker.drain().block();
		}
		finally {
			this.clock.reset();
		}
		List<MimeMessage> results = this.mail.to("ann@" + organization.slug() + ".test");
		assertThat(results).hasSize(1);
		assertThat(results.get(0).getSubject()).isEqualTo("Team challenge results");
		assertThat(MailServer.part(results.get(0), "text/plain")).contains("Final results of Stretch together")
			.contains("Blue: fewer than 5 people took part, so no figures are shown");
		assertThat(this.mail.to("bob@" + organization.slug() + ".test")).as("Bob did not join").hasSize(1);
	}

	private void optIn(String token) {
		this.http.put()
			.uri("/api/v1/me/notifications")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("email", Map.of("weeklySummary", false, "challenges", true), "push",
					Map.of("breakReminders", false, "challenges", false), "language", "en"))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
