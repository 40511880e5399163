package dev.limber.app.programs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklist, break reminder and my-data pages, walked through with a real sign-in.
 */
class WorkstationPagesTests extends LimberIntegrationTest {

	static final List<String> SECTIONS = List.of("working-posture", "chair", "monitor", "keyboard-mouse",
			"desk-legroom", "lighting-environment", "breaks-movement", "habits");

	@Test
	void checklistOneSectionAtATimeThenFixes() {
		BrowserSession erin = signIn("check");
		String first = erin.submit("/checklist", "/checklist/start", Map.of())
			.getResponseHeaders()
			.getLocation()
			.toString();
		String id = first.split("/")[2];
		assertThat(erin.page(first)).contains("Section 1 of 8").contains("lower back supported");
		for (String section : SECTIONS) {
			Map<String, String> answers = switch (section) {
				case "breaks-movement" -> Map.of("hourly-move", "no", "vary-tasks", "yes");
				case "habits" -> Map.of("stress", "no");
				default -> Map.of();
			};
			erin.submit("/checklist/" + id + "/" + section, "/checklist/" + id + "/" + section, answers);
		}
		String results = erin.page("/checklist/" + id + "/results");
		assertThat(results).contains("Set movement-break reminders").contains("/library/walking");
		assertThat(results).as("a habit's fix names the article it comes from")
			.contains("Anxiety tightens muscles")
			.contains("Source: LIVESTRONG");
		assertThat(erin.page("/checklist")).contains("Finished");
	}

	@Test
	void startingAgainContinuesTheCheckInProgressWhereItsAnswersEnd() {
		BrowserSession erin = signIn("check-continue");
		String first = erin.submit("/checklist", "/checklist/start", Map.of())
			.getResponseHeaders()
			.getLocation()
			.toString();
		String id = first.split("/")[2];
		assertThat(erin.page("/checklist")).contains("Continue the check in progress");
		erin.submit(first, "/checklist/" + id + "/working-posture",
				Map.of("back-supported", "yes", "legs-uncrossed", "yes", "shoulders-relaxed", "no"));
		erin.submit(first, "/checklist/" + id + "/chair", Map.of("chair-height", "yes"));
		assertThat(erin.submit("/checklist", "/checklist/start", Map.of()).getResponseHeaders().getLocation())
			.as("the same check, at the first section with an unanswered item")
			.hasToString("/checklist/" + id + "/chair");
		for (String section : SECTIONS) {
			erin.submit("/checklist/" + id + "/" + section, "/checklist/" + id + "/" + section, Map.of());
		}
		String next = erin.submit("/checklist", "/checklist/start", Map.of())
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(next.split("/")[2]).as("a finished check is not continued").isNotEqualTo(id);
		assertThat(erin.page("/checklist").split("<tr>", -1)).as("header and two checks").hasSize(4);
	}

	@Test
	void earlierChecksArePagedNewestFirst() {
		TestOrganization organization = onboard("check-pages");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
		String token = organization.token("erin");
		for (int i = 0; i < 12; i++) {
			this.http.post()
				.uri("/api/v1/checklists/assessments")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		String first = erin.page("/checklist");
		assertThat(first.split("<tr>", -1)).as("header and ten checks").hasSize(12);
		assertThat(first).contains("Page 1 of 2").contains("href=\"/checklist?page=2\"").doesNotContain("rel=\"prev\"");
		String second = erin.page("/checklist?page=2");
		assertThat(second.split("<tr>", -1)).as("header and two checks").hasSize(4);
		assertThat(second).contains("Page 2 of 2").contains("href=\"/checklist?page=1\"");
		assertThat(erin.page("/checklist?page=99")).as("past the last page: the last").contains("Page 2 of 2");
		assertThat(erin.get("/checklist?page=x").getStatus().value()).isEqualTo(400);
	}

	@Test
	void remindersPreviewAndCalendarAddress() {
		BrowserSession erin = signIn("breaks");
		erin.submit("/reminders", "/reminders", Map.of("workStart", "09:00", "workEnd", "17:00", "days", "MONDAY",
				"intervalMinutes", "30", "breakMinutes", "5", "timeZone", "Europe/Berlin"));
		assertThat(erin.page("/reminders?saved")).contains("Saved.").contains("selected=\"selected\">30 minutes");
		EntityExchangeResult<byte[]> tooShort = erin.submit("/reminders", "/reminders",
				Map.of("workStart", "09:00", "workEnd", "17:00", "days", "MONDAY", "intervalMinutes", "60",
						"breakMinutes", "4", "timeZone", "Europe/Berlin"));
		assertThat(tooShort.getStatus().is4xxClientError()).as("the seeds ask for at least five minutes each hour")
			.isTrue();
		EntityExchangeResult<byte[]> created = erin.submit("/reminders", "/reminders/feed", Map.of());
		Matcher url = Pattern.compile("value=\"https?://[^\"]+(/calendar/[^\"]+\\.ics)\"")
			.matcher(new String(created.getResponseBody(), StandardCharsets.UTF_8));
		assertThat(url.find()).isTrue();
		this.http.get().uri(url.group(1)).exchange().expectStatus().isOk();
		erin.submit("/reminders", "/reminders/feed/revoke", Map.of());
		this.http.get().uri(url.group(1)).exchange().expectStatus().isNotFound();
	}

	@Test
	void myDataDownloadAndConfirmedDeletion() {
		BrowserSession erin = signIn("mydata");
		assertThat(erin.page("/my-data/export")).contains("\"profile\"").contains("\"programs\"");
		assertThat(erin.submit("/my-data", "/my-data/delete", Map.of()).getResponseHeaders().getLocation())
			.hasToString("/my-data?confirm");
		assertThat(
				erin.submit("/my-data", "/my-data/delete", Map.of("confirm", "yes")).getResponseHeaders().getLocation())
			.hasToString("/?deleted");
		assertThat(erin.get("/my-data").getResponseHeaders().getLocation()).hasToString("/login");
	}

	private BrowserSession signIn(String name) {
		TestOrganization organization = onboard(name);
		return BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
	}

}
