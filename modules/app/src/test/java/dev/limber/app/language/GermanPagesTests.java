package dev.limber.app.language;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page an employee, an HR analyst and an organization admin can reach, rendered for
 * a browser set to German: no raw or missing message key, and none of the English that
 * pages would show if a text had been left out of a bundle.
 */
class GermanPagesTests extends LimberIntegrationTest {

	/** English words that never belong in German text (matched as whole words). */
	private static final Pattern ENGLISH = Pattern
		.compile("\\b(the|The|your|Your|you|You|and|with|of|to|for|is|are|not|side|hold|Hold|Sign|suppressed|unknown|"
				+ "lower-back|all-fours|supine|seated|standing|minutes|week|day|Monday|Sunday)\\b");

	private static final Pattern LINK = Pattern.compile("href=\"(/(?:library|routines)/[a-z0-9-]+)\"");

	private static final List<String> SECTIONS = List.of("working-posture", "chair", "monitor", "keyboard-mouse",
			"desk-legroom", "lighting-environment", "breaks-movement", "habits");

	@Test
	void employeePagesAreGerman() {
		TestOrganization organization = onboard("seiten");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"))
			.speaking("de");
		List<String> pages = new ArrayList<>(List.of("/", "/login", "/library",
				"/library?deskFriendly=true&position=seated", "/programs", "/screening?program=back-care-6-weeks",
				"/checklist", "/reminders", "/my-data", "/my-data?confirm"));
		Set<String> catalogPages = new LinkedHashSet<>();
		Matcher link = LINK.matcher(erin.page("/library"));
		while (link.find()) {
			catalogPages.add(link.group(1));
		}
		assertThat(catalogPages).hasSizeGreaterThan(40);
		pages.addAll(catalogPages);

		String advice = body(erin.submit("/screening", "/screening", Map.of("answer", "some")));
		assertGerman("screening advice", advice);
		assertThat(advice).contains("Bitte geh zu einer Ärztin");

		erin.submit("/screening", "/screening", Map.of("answer", "none", "program", "back-care-6-weeks"));
		erin.submit("/programs", "/programs/back-care-6-weeks/enroll", Map.of());
		pages.add("/programs?screened=back-care-6-weeks");
		String key = logKey(erin.page("/routines/tight-lower-back"));
		erin.submit("/routines/tight-lower-back", "/routines/tight-lower-back/done",
				Map.of("logKey", key, "durationSeconds", "600"));
		pages.add("/history?logged=tight-lower-back");

		String first = erin.submit("/checklist", "/checklist/start", Map.of())
			.getResponseHeaders()
			.getLocation()
			.toString();
		String id = first.split("/")[2];
		for (String section : SECTIONS) {
			pages.add("/checklist/" + id + "/" + section);
			erin.submit("/checklist/" + id + "/" + section, "/checklist/" + id + "/" + section,
					Map.of(itemOf(section), "no"));
		}
		pages.add("/checklist/" + id + "/results");

		for (String page : pages) {
			assertGerman(page, erin.page(page));
		}
		assertThat(erin.page("/")).contains("Woche 1, Tag 1").contains("Serie: 1");
		assertThat(erin.page("/history")).contains("Verspannter unterer Rücken")
			.containsPattern("\\d{2}\\.\\d{2}\\.\\d{2}, \\d{2}:\\d{2}");
		assertThat(erin.page("/reminders")).as("the German week starts on Monday")
			.doesNotContain("Gespeichert.")
			.containsPattern("(?s)Montag.*Dienstag.*Sonntag");
		assertThat(erin.page("/library/cat-cow")).contains("<h1>Katze-Kuh</h1>").contains("Vierfüßlerstand");
		assertThat(erin.page("/checklist/" + id + "/results")).contains("Lendenkissen");
	}

	@Test
	void remindersErrorIsGerman() {
		BrowserSession erin = BrowserSession.signIn(this.http, onboard("pausen"), "erin", Map.of("name", "Erin"))
			.speaking("de");
		String page = body(erin.submit("/reminders", "/reminders", Map.of("workStart", "09:00", "workEnd", "17:00",
				"intervalMinutes", "30", "breakMinutes", "5", "timeZone", "Europe/Berlin")));
		assertGerman("reminders error", page);
		assertThat(page).contains("Wähle mindestens einen Arbeitstag aus.");
	}

	@Test
	void hrAndAdminPagesAreGerman() {
		TestOrganization organization = onboard("verwaltung");
		BrowserSession hana = BrowserSession
			.signIn(this.http, organization, "hana", Map.of("name", "Hana", "roles", List.of("hr-analyst")))
			.speaking("de");
		assertGerman("/hr", hana.page("/hr"));
		assertGerman("/hr by location", hana.page("/hr?interval=month&groupBy=location"));
		assertGerman("/hr refused", hana.page("/hr?department=Nirgendwo"));

		BrowserSession ada = BrowserSession
			.signIn(this.http, organization, "ada", Map.of("name", "Ada", "roles", List.of("org-admin")))
			.speaking("de");
		assertGerman("/org/admin", ada.page("/org/admin"));
		assertGerman("/hr as admin", ada.page("/hr"));
		String refused = body(ada.submit("/org/admin", "/org/admin/settings", Map.of("displayName", "Verwaltung",
				"minGroupSize", "2", "timeZone", "Europe/Berlin", "emailDomains", "")));
		assertGerman("/org/admin settings error", refused);
		assertThat(refused).contains("Die Mindestgruppengröße muss eine ganze Zahl von 3 bis 50 sein.");
	}

	@Test
	void challengePagesAreGerman() {
		TestOrganization organization = onboard("wettbewerb");
		BrowserSession lead = BrowserSession
			.signIn(this.http, organization, "lena",
					Map.of("name", "Lena", "groups", List.of("Blau"), "roles", List.of("team-lead")))
			.speaking("de");
		BrowserSession emma = BrowserSession
			.signIn(this.http, organization, "emma", Map.of("name", "Emma", "groups", List.of("Blau")))
			.speaking("de");
		String form = lead.page("/challenges/new");
		assertGerman("/challenges/new", form);
		assertThat(form).contains("Verspannter unterer Rücken, neun Übungen");
		String team = form.replaceAll("(?s).*name=\"teams\" id=\"org-team-0\" value=\"([^\"]+)\".*", "$1");
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
		Map<String, String> fields = new HashMap<>(
				Map.of("title", "Mittagsdehnung", "description", "Zehn Minuten nach dem Mittagessen.", "startsAt",
						now.minusDays(1).toString(), "endsAt", now.plusDays(6).toString(), "metric", "minutes",
						"dailyCap", "15", "graceHours", "72", "teams", team, "published", "true"));
		fields.put("routines", "tight-lower-back");
		String path = lead.submit("/challenges/new", "/challenges", fields)
			.getResponseHeaders()
			.getLocation()
			.getPath();
		emma.submit(path, path + "/join", Map.of("showName", "true"));
		for (String page : List.of("/challenges", path, path + "?joined", path + "?cannotJoin")) {
			assertGerman(page, emma.page(page));
		}
		for (String page : List.of("/challenges", path + "?saved", path + "/edit")) {
			assertGerman(page, lead.page(page));
		}
		assertThat(emma.page(path)).contains("Du hast 0,0, für")
			.contains("Nur diese Einheiten zählen: Verspannter unterer Rücken, neun Übungen")
			.doesNotContain("Du machst jetzt mit.");
	}

	private static void assertGerman(String page, String html) {
		assertThat(html).as(page + " renders as German").contains("<html lang=\"de\"");
		assertThat(html).as(page + " has no missing message key").doesNotContain("??");
		assertThat(html).as(page + " has no raw message expression").doesNotContain("#{");
		Matcher english = ENGLISH.matcher(visibleText(html));
		List<String> found = new ArrayList<>();
		while (english.find()) {
			found.add(english.group());
		}
		assertThat(found).as(page + " has English left in: " + visibleText(html)).isEmpty();
	}

	/**
	 * What a person sees or hears: text between tags and labels read out by screen
	 * readers.
	 */
	private static String visibleText(String html) {
		String withoutCode = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ");
		StringBuilder text = new StringBuilder();
		Matcher spoken = Pattern
			.compile("(?:aria-label|title|placeholder|alt|data-msg-[a-z]+|data-resume)=\"([^\"]*)\"")
			.matcher(withoutCode);
		while (spoken.find()) {
			text.append(spoken.group(1)).append(" | ");
		}
		// the switcher names each language in itself, and "English" is the English
		// word for English
		text.append(withoutCode.replaceAll("(?s)<[^>]*>", " | ").replace("English", ""));
		return text.toString().replaceAll("\\s+", " ");
	}

	private static String itemOf(String section) {
		return switch (section) {
			case "working-posture" -> "back-supported";
			case "chair" -> "chair-height";
			case "monitor" -> "no-glare";
			case "keyboard-mouse" -> "mouse-close";
			case "desk-legroom" -> "legroom";
			case "lighting-environment" -> "lighting";
			case "habits" -> "stress";
			default -> "hourly-move";
		};
	}

	private static String logKey(String player) {
		Matcher key = Pattern.compile("name=\"logKey\" value=\"([^\"]+)\"").matcher(player);
		assertThat(key.find()).isTrue();
		return key.group(1);
	}

	private static String body(EntityExchangeResult<byte[]> result) {
		return new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}

}
