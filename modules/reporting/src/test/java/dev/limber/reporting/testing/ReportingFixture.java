package dev.limber.reporting.testing;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.TestOrganization;

/**
 * Fills an organization with members in departments and locations, each logging
 * activities.
 */
public final class ReportingFixture {

	private ReportingFixture() {
	}

	public record Group(String department, String location, int members) {
	}

	/**
	 * Every member signs in with their claims (becoming eligible) and logs
	 * {@code activitiesEach} routines.
	 */
	public static void populate(WebTestClient http, TestOrganization organization, List<Group> groups,
			int activitiesEach) {
		for (Group group : groups) {
			for (int i = 0; i < group.members(); i++) {
				String user = group.department() + "-" + group.location() + "-" + i;
				String token = organization.token(user,
						Map.of("department", group.department(), "location", group.location()));
				http.get()
					.uri("/api/v1/me")
					.headers((headers) -> headers.setBearerAuth(token))
					.exchange()
					.expectStatus()
					.isOk();
				for (int n = 0; n < activitiesEach; n++) {
					http.post()
						.uri("/api/v1/activities")
						.headers((headers) -> headers.setBearerAuth(token))
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("routine", "desk-reset-5-min", "durationSeconds", 300))
						.exchange()
						.expectStatus()
						.isCreated();
				}
			}
		}
	}

}
