package dev.limber.app.notifications;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.notifications.testing.PushReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Notifications page: signed in, CSRF-protected, in English and German, devices added
 * by form.
 */
class NotificationPageTests extends LimberIntegrationTest {

	@Test
	void choicesAreSavedFromThePageAndShownInTheReadersLanguage() throws Exception {
		TestOrganization organization = onboard("notify-page");
		BrowserSession rita = BrowserSession.signIn(this.http, organization, "rita", Map.of("name", "Rita"));
		String page = rita.page("/notifications");
		assertThat(page).contains("<h1>Notifications</h1>")
			.contains("value=\"email:weekly-summary\"")
			.doesNotContain("checked");

		EntityExchangeResult<byte[]> saved = rita.submit("/notifications", "/notifications",
				Map.of("on", "email:weekly-summary", "quietStart", "22:00", "quietEnd", "07:00", "language", "de"));
		assertThat(saved.getStatus().is3xxRedirection()).isTrue();
		String after = rita.page("/notifications?saved");
		assertThat(after).contains("Your notification settings are saved.").contains("value=\"22:00\"");
		assertThat(after.replaceAll("\\s+", " ")).contains("value=\"email:weekly-summary\" checked=\"checked\"");
		assertThat(rita.page("/notifications", "de")).contains("<h1>Benachrichtigungen</h1>").contains("Ruhezeiten");

		EntityExchangeResult<byte[]> invalid = rita.submit("/notifications", "/notifications",
				Map.of("on", "push:weekly-summary", "language", "en"));
		assertThat(invalid.getStatus().value()).isEqualTo(422);
		assertThat(new String(invalid.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("These settings could not be saved");

		PushReceiver.DeviceKeys keys = new PushReceiver.DeviceKeys();
		EntityExchangeResult<byte[]> device = rita.submit("/notifications", "/notifications/devices", Map.of("endpoint",
				"https://push.example/rita-laptop", "p256dh", keys.p256dh(), "auth", keys.authSecret()));
		assertThat(device.getStatus().is3xxRedirection()).isTrue();
		assertThat(rita.page("/notifications?device")).contains("This device now receives push notifications.")
			.contains("push.example");
	}

	@Test
	void aFormWithoutItsCsrfTokenChangesNothing() {
		TestOrganization organization = onboard("notify-csrf");
		BrowserSession sam = BrowserSession.signIn(this.http, organization, "sam", Map.of("name", "Sam"));
		// the signed-in session's cookie, but a form from elsewhere: it has no CSRF token
		EntityExchangeResult<byte[]> forged = sam.submit("/js/push.js", "/notifications",
				Map.of("on", "email:challenges", "language", "en"));
		assertThat(forged.getStatus().value()).isEqualTo(403);
		assertThat(sam.page("/notifications")).doesNotContain("checked");
	}

	@Test
	void anInvalidUnsubscribeLinkSaysSo() {
		this.http.get()
			.uri("/notifications/unsubscribe/not-a-token")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("This unsubscribe link is not valid."));
	}

}
