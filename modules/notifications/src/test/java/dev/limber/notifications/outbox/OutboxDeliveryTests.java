package dev.limber.notifications.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;
import dev.limber.notifications.NotificationsIntegrationTest;
import dev.limber.notifications.testing.MailServer;
import dev.limber.notifications.testing.NotificationClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox under faults: enqueueing is idempotent per recipient, channel and cause; a
 * mail server that is down for a while gets every message exactly once when it is back;
 * two workers draining the same database at once send nothing twice; an opt-out stops
 * queued mail.
 */
class OutboxDeliveryTests extends NotificationsIntegrationTest {

	final MailServer mail = new MailServer(MAIL_PORT);

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	DatabaseClient database;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void startMailServer() {
		this.mail.start();
	}

	@AfterEach
	void stopMailServer() {
		this.mail.stop();
	}

	@Test
	void aCauseSeenTwiceEnqueuesOnce() {
		Member member = optedIn("outbox-once", "dora");
		assertThat(enqueue(member, "challenge-invitation:one")).isTrue();
		assertThat(enqueue(member, "challenge-invitation:one")).as("the same cause again").isFalse();
		assertThat(enqueue(member, "challenge-invitation:two")).isTrue();
		drainUntilIdle();
		assertThat(this.mail.to(member.address())).hasSize(2);
	}

	@Test
	void everyMessageArrivesExactlyOnceAfterTheMailServerRecovers() {
		Member member = optedIn("outbox-faults", "emil");
		double retriedBefore = retried();
		for (int i = 0; i < 5; i++) {
			enqueue(member, "challenge-invitation:" + i);
		}
		this.mail.stop();
		for (int round = 0; round < 3; round++) {
			this.worker.drain().block();
		}
		assertThat(statuses(member.tenant())).containsOnlyKeys("pending");
		assertThat(attempts(member.tenant())).allMatch((attempts) -> attempts == 3);
		assertThat(retried() - retriedBefore).isGreaterThanOrEqualTo(15);
		assertThat(this.meters.find("limber.notifications.pending").tag("channel", "email").gauge()).isNotNull();
		assertThat(this.meters.find("limber.notifications.lag").tag("channel", "email").gauge())
			.extracting((lag) -> lag.getId().getBaseUnit())
			.isEqualTo("seconds");

		this.mail.start();
		drainUntilIdle();
		drainUntilIdle();
		List<MimeMessage> received = this.mail.to(member.address());
		assertThat(received).hasSize(5);
		assertThat(messageIds(received)).hasSize(5);
		assertThat(statuses(member.tenant())).containsOnly(Map.entry("sent", 5L));
	}

	@Test
	void twoWorkersOnOneDatabaseSendNothingTwice() {
		Member member = optedIn("outbox-two", "fritz");
		for (int i = 0; i < 40; i++) {
			enqueue(member, "challenge-invitation:" + i);
		}
		// two workers claim at the same time, each on its own connection
		Flux.merge(this.worker.drain().subscribeOn(Schedulers.parallel()),
				this.worker.drain().subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();
		drainUntilIdle();
		List<MimeMessage> received = this.mail.to(member.address());
		assertThat(received).hasSize(40);
		assertThat(messageIds(received)).hasSize(40);
	}

	@Test
	void anOptOutStopsMailAlreadyQueued() {
		Member member = optedIn("outbox-optout", "greta");
		enqueue(member, "challenge-invitation:queued");
		new NotificationClient(this.http).choose(member.token(), "en", false, false, false, false);
		drainUntilIdle();
		assertThat(this.mail.to(member.address())).isEmpty();
		assertThat(statuses(member.tenant())).containsOnly(Map.entry("dropped", 1L));
	}

	@Test
	void anOrganizationThatTurnsEmailOffGetsNone() {
		Member member = optedIn("outbox-orgoff", "hanna");
		TestOrganization organization = member.organization();
		this.http.put()
			.uri("/api/v1/org/notifications")
			.headers((headers) -> headers.setBearerAuth(organization.admin("admin")))
			.bodyValue(Map.of("email", false))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(false)
			.jsonPath("$.push")
			.isEqualTo(true);
		enqueue(member, "challenge-invitation:off");
		drainUntilIdle();
		assertThat(this.mail.to(member.address())).isEmpty();
		assertThat(statuses(member.tenant())).containsOnly(Map.entry("dropped", 1L));
	}

	@Test
	void quietHoursHoldMailUntilTheyEndWithoutSpendingAnAttempt() {
		Member member = optedIn("outbox-quiet", "ines");
		// quiet from an hour ago to an hour from now, in the organization's
		// zone (UTC here)
		java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC).withSecond(0).withNano(0);
		new NotificationClient(this.http).put(member.token(),
				Map.of("email", Map.of("weeklySummary", false, "challenges", true), "push",
						Map.of("breakReminders", false, "challenges", false), "quietHours",
						Map.of("start", now.minusHours(1).toString(), "end", now.plusHours(1).toString()), "language",
						"en"))
			.expectStatus()
			.isOk();
		enqueue(member, "challenge-invitation:quiet");
		drainUntilIdle();
		assertThat(this.mail.to(member.address())).isEmpty();
		assertThat(statuses(member.tenant())).containsOnly(Map.entry("pending", 1L));
		assertThat(attempts(member.tenant())).containsExactly(0);
	}

	private Member optedIn(String name, String user) {
		TestOrganization organization = onboard(name);
		String token = organization.employee(user);
		NotificationClient client = new NotificationClient(this.http);
		UUID id = client.memberId(token);
		client.choose(token, "en", false, true, false, false);
		return new Member(organization, new TenantId(organization.id()), id, token,
				user + "@" + organization.slug() + ".test");
	}

	private boolean enqueue(Member member, String key) {
		return this.notifications
			.enqueue(new Message(member.id().toString(), Channel.EMAIL, "challenges", key,
					Map.of("template", "challenge-invitation", "variables",
							Map.of("title", "Loose hamstrings " + key, "startsOn", "2026-12-01", "endsOn", "2026-12-21",
									"challengeUrl", baseUrl() + "/challenges"))))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(member.tenant()))
			.block();
	}

	private void drainUntilIdle() {
		for (int round = 0; round < 20 && this.worker.drain().block() > 0; round++) {
			// each round claims at most one batch per tenant
		}
	}

	private Map<String, Long> statuses(TenantId tenant) {
		return this.database.sql("select status, count(*) as n from notifications.message group by status")
			.map((row, metadata) -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant))
			.block();
	}

	private List<Integer> attempts(TenantId tenant) {
		return this.database.sql("select attempts from notifications.message")
			.map((row, metadata) -> row.get("attempts", Integer.class))
			.all()
			.collectList()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant))
			.block();
	}

	/** Email sends retried so far, as the application's metrics count them. */
	private double retried() {
		Counter retried = this.meters.find("limber.notifications.retried").tag("channel", "email").counter();
		return (retried != null) ? retried.count() : 0;
	}

	private static Set<String> messageIds(List<MimeMessage> messages) {
		Set<String> ids = new HashSet<>();
		messages.forEach((message) -> {
			try {
				ids.add(message.getMessageID());
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return ids;
	}

	record Member(TestOrganization organization, TenantId tenant, UUID id, String token, String address) {
	}

}
