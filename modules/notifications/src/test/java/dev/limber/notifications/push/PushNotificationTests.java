package dev.limber.notifications.push;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.notifications.NotificationsIntegrationTest;
import dev.limber.notifications.outbox.OutboxWorker;
import dev.limber.notifications.testing.NotificationClient;
import dev.limber.notifications.testing.PushReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web Push end to end: a break reminder at the member's own break time arrives at the
 * push endpoint encrypted to the device's keys (decrypted here as a browser would),
 * signed with a VAPID JWT that verifies against the server key the browser subscribed
 * with, and opens the player; a device the push service no longer knows (410) is removed.
 */
class PushNotificationTests extends NotificationsIntegrationTest {

	@Autowired
	BreakReminders reminders;

	@Autowired
	OutboxWorker worker;

	@Autowired
	MovableClock clock;

	@Test
	void aBreakReminderArrivesEncryptedToTheDeviceWithAValidVapidSignature() throws Exception {
		TestOrganization organization = onboard("push");
		String token = organization.employee("nina");
		NotificationClient client = new NotificationClient(this.http);
		client.choose(token, "en", false, false, true, false);
		workAllDay(token);
		String serverKey = serverKey(token);
		try (PushReceiver receiver = new PushReceiver()) {
			PushReceiver.DeviceKeys laptop = new PushReceiver.DeviceKeys();
			PushReceiver.DeviceKeys phone = new PushReceiver.DeviceKeys();
			subscribe(token, receiver.endpoint("laptop"), laptop).expectStatus().isCreated();
			subscribe(token, receiver.endpoint("old-phone"), phone).expectStatus().isCreated();
			receiver.answer("old-phone", 410);

			atNextBreak(() -> {
				assertThat(this.reminders.enqueueDue().block()).isEqualTo(2);
				assertThat(this.reminders.enqueueDue().block()).as("the same break again").isZero();
				this.worker.drain().block();
				this.worker.drain().block();
			});

			List<PushReceiver.Received> received = receiver.received("laptop");
			assertThat(received).hasSize(1);
			PushReceiver.Received push = received.get(0);
			assertThat(push.headers()).containsEntry("content-encoding", "aes128gcm").containsKey("ttl");
			Map<?, ?> payload = JsonMapper.builder().build().readValue(laptop.decrypt(push.body()), Map.class);
			assertThat(payload.get("title")).isEqualTo("Time for a movement break");
			assertThat(payload.get("body")).isEqualTo("Stand up and move for 5 minutes. Tap to start the desk reset.");
			assertThat(payload.get("url")).isEqualTo(baseUrl() + "/routines/desk-reset-5-min");

			Matcher vapid = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)")
				.matcher(push.headers().get("authorization"));
			assertThat(vapid.find()).as(push.headers().get("authorization")).isTrue();
			assertThat(vapid.group(2)).isEqualTo(serverKey);
			SignedJWT jwt = SignedJWT.parse(vapid.group(1));
			assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
			assertThat(jwt.verify(new ECDSAVerifier(PushReceiver.publicKey(Base64.getUrlDecoder().decode(serverKey)))))
				.isTrue();
			assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(receiver.origin());
			assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isBetween(Instant.now(),
					Instant.now().plus(Duration.ofHours(24)));
			assertThat(jwt.getJWTClaimsSet().getSubject()).startsWith("mailto:");

			// a second key does not decrypt it
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> phone.decrypt(push.body()))
				.isInstanceOf(java.security.GeneralSecurityException.class);
			// the push service forgot the old phone: it is gone, the laptop stays
			assertThat(receiver.received("old-phone")).hasSize(1);
			assertThat(devices(token)).extracting((device) -> device.get("pushService")).containsExactly("127.0.0.1");
		}
	}

	@Test
	void nothingIsPushedWithoutTheMembersOptIn() throws Exception {
		TestOrganization organization = onboard("push-off");
		String token = organization.employee("olga");
		workAllDay(token);
		try (PushReceiver receiver = new PushReceiver()) {
			subscribe(token, receiver.endpoint("laptop"), new PushReceiver.DeviceKeys()).expectStatus().isCreated();
			atNextBreak(() -> {
				this.reminders.enqueueDue().block();
				this.worker.drain().block();
			});
			assertThat(receiver.received("laptop")).isEmpty();
		}
	}

	@Test
	void aSubscriptionMustBeUsableAndOnlyItsOwnerRemovesIt() throws Exception {
		TestOrganization organization = onboard("push-input");
		String token = organization.employee("paul");
		PushReceiver.DeviceKeys keys = new PushReceiver.DeviceKeys();
		for (Map<String, Object> body : List.of(
				Map.<String, Object>of("endpoint", "ftp://push.example/x", "keys",
						Map.of("p256dh", keys.p256dh(), "auth", keys.authSecret())),
				Map.<String, Object>of("endpoint", "https://user:pw@push.example/x", "keys",
						Map.of("p256dh", keys.p256dh(), "auth", keys.authSecret())),
				Map.<String, Object>of("endpoint", "https://push.example/x", "keys",
						Map.of("p256dh", "AAAA", "auth", keys.authSecret())),
				Map.<String, Object>of("endpoint", "https://push.example/x", "keys",
						Map.of("p256dh", keys.p256dh(), "auth", "short")),
				Map.<String, Object>of("endpoint", "https://push.example/x"))) {
			this.http.post()
				.uri("/api/v1/me/push-subscriptions")
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		Map<?, ?> created = subscribe(token, "https://push.example/device", keys).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String other = organization.employee("quinn");
		this.http.delete()
			.uri("/api/v1/me/push-subscriptions/" + created.get("id"))
			.headers((headers) -> headers.setBearerAuth(other))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(devices(token)).hasSize(1);
		this.http.delete()
			.uri("/api/v1/me/push-subscriptions/" + created.get("id"))
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(devices(token)).isEmpty();
	}

	/**
	 * Moves the clock just past the next half hour, where an all-day schedule has a
	 * break.
	 */
	private void atNextBreak(Runnable action) {
		ZonedDateTime now = this.clock.instant().atZone(ZoneOffset.UTC);
		ZonedDateTime next = now.truncatedTo(ChronoUnit.HOURS).plusMinutes((now.getMinute() < 30) ? 30 : 60);
		this.clock.advance(Duration.between(now, next).plusSeconds(10));
		try {
			action.run();
		}
		finally {
			this.clock.reset();
		}
	}

	private void workAllDay(String token) {
		this.http.put()
			.uri("/api/v1/me/reminders")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("workStart", "00:00", "workEnd", "23:59", "workDays",
					List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
					"intervalMinutes", 30, "breakMinutes", 5, "timeZone", "UTC"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String serverKey(String token) {
		return (String) this.http.get()
			.uri("/api/v1/me/push-subscriptions/server-key")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("publicKey");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec subscribe(String token,
			String endpoint, PushReceiver.DeviceKeys keys) {
		return this.http.post()
			.uri("/api/v1/me/push-subscriptions")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("endpoint", endpoint, "expirationTime", 0, "keys",
					Map.of("p256dh", keys.p256dh(), "auth", keys.authSecret())))
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> devices(String token) {
		return this.http.get()
			.uri("/api/v1/me/push-subscriptions")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

}
