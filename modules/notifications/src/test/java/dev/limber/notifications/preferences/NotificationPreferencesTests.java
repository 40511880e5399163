package dev.limber.notifications.preferences;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.kernel.testing.TestOrganization;
import dev.limber.notifications.NotificationsIntegrationTest;
import dev.limber.notifications.testing.NotificationClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notification choices: nothing is on by default, bad input is a problem, nobody sets
 * another's.
 */
class NotificationPreferencesTests extends NotificationsIntegrationTest {

	@Test
	void nothingIsOnUntilTheMemberTurnsItOn() {
		TestOrganization organization = onboard("prefs-default");
		NotificationClient client = new NotificationClient(this.http);
		Map<?, ?> view = client.get(organization.employee("ida"));
		assertThat(view.get("email")).isEqualTo(Map.of("weeklySummary", false, "challenges", false));
		assertThat(view.get("push")).isEqualTo(Map.of("breakReminders", false, "challenges", false));
		assertThat(view.get("quietHours")).isNull();
		assertThat(view.get("available")).isEqualTo(Map.of("email", true, "push", true));
	}

	@Test
	void choicesAndQuietHoursAreKeptPerMember() {
		TestOrganization organization = onboard("prefs-save");
		NotificationClient client = new NotificationClient(this.http);
		String jan = organization.employee("jan");
		client.put(jan,
				Map.of("email", Map.of("weeklySummary", true, "challenges", false), "push",
						Map.of("breakReminders", true, "challenges", false), "quietHours",
						Map.of("start", "22:00", "end", "07:00"), "language", "de"))
			.expectStatus()
			.isOk();
		Map<?, ?> view = client.get(jan);
		assertThat(view.get("email")).isEqualTo(Map.of("weeklySummary", true, "challenges", false));
		assertThat(view.get("push")).isEqualTo(Map.of("breakReminders", true, "challenges", false));
		assertThat(view.get("quietHours")).isEqualTo(Map.of("start", "22:00:00", "end", "07:00:00"));
		assertThat(view.get("language")).isEqualTo("de");
		// a colleague's choices are their own
		assertThat(client.get(organization.employee("kim")).get("email"))
			.isEqualTo(Map.of("weeklySummary", false, "challenges", false));
	}

	@Test
	void badInputIsAProblemAndChangesNothing() {
		TestOrganization organization = onboard("prefs-bad");
		NotificationClient client = new NotificationClient(this.http);
		String lea = organization.employee("lea");
		Map<String, Object> email = Map.of("weeklySummary", true, "challenges", true);
		Map<String, Object> push = Map.of("breakReminders", true, "challenges", true);
		for (Object body : new Object[] { Map.of("email", email, "push", push, "language", "fr"),
				Map.of("email", email, "push", push, "language", "en", "quietHours",
						Map.of("start", "22:00", "end", "22:00")),
				Map.of("email", email, "push", push, "language", "en", "quietHours",
						Map.of("start", "25:00", "end", "07:00")),
				Map.of("email", email, "push", push, "language", "en", "quietHours", Map.of("start", "22:00")),
				Map.of("email", email, "language", "en"),
				Map.of("email", Map.of("weeklySummary", true), "push", push, "language", "en"),
				Map.of("email", email, "push", push, "language", "en", "sms", true), "[]" }) {
			client.put(lea, body)
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(client.get(lea).get("email")).isEqualTo(Map.of("weeklySummary", false, "challenges", false));
	}

	@Test
	void onlyAnOrganizationAdminSwitchesChannelsForTheOrganization() {
		TestOrganization organization = onboard("prefs-org");
		this.http.put()
			.uri("/api/v1/org/notifications")
			.headers((headers) -> headers.setBearerAuth(organization.employee("max")))
			.bodyValue(Map.of("push", false))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.put()
			.uri("/api/v1/org/notifications")
			.headers((headers) -> headers.setBearerAuth(organization.admin("admin")))
			.bodyValue(Map.of("pager", false))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.http.put()
			.uri("/api/v1/org/notifications")
			.headers((headers) -> headers.setBearerAuth(organization.admin("admin")))
			.bodyValue(Map.of("push", false))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(new NotificationClient(this.http).get(organization.employee("max")).get("available"))
			.isEqualTo(Map.of("email", true, "push", false));
		// another organization is not affected
		assertThat(new NotificationClient(this.http).get(onboard("prefs-other").employee("max")).get("available"))
			.isEqualTo(Map.of("email", true, "push", true));
	}

}
