package dev.limber.app.programs;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/** An employee's journey through the portal pages, over real HTTP with a real sign-in. */
class PortalPagesTests extends LimberIntegrationTest {

	/**
	 * What the catalog's editors write for each other: provenance notes and seed file
	 * numbers.
	 */
	private static final Pattern EDITORIAL = Pattern.compile(
			"not from the source|nicht aus der Quelle|general guideline|Richtwert|provenance|\\(00[0-4]\\)|00[0-4]_[0-9a-f]{16}",
			Pattern.CASE_INSENSITIVE);

	@Test
	void employeeScreensEnrollsPlaysARoutineAndSeesItCounted() {
		TestOrganization organization = onboard("journey");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
		assertThat(erin.page("/")).contains("Hello, Erin").contains("Streak: no days yet");

		assertThat(erin.submit("/programs", "/programs/back-care-6-weeks/enroll", Map.of())
			.getResponseHeaders()
			.getLocation()).hasToString("/screening?program=back-care-6-weeks");
		assertThat(erin.page("/screening?program=back-care-6-weeks")).contains("Does any of these apply to you?");
		erin.submit("/screening", "/screening", Map.of("answer", "none", "program", "back-care-6-weeks"));
		assertThat(erin.submit("/programs", "/programs/back-care-6-weeks/enroll", Map.of())
			.getResponseHeaders()
			.getLocation()).hasToString("/?enrolled");
		assertThat(erin.page("/")).contains("week 1, day 1").contains("Tight lower back");

		String player = erin.page("/routines/tight-lower-back");
		assertThat(player).contains("Stop at once if you feel sharp pain.").contains("/js/player.js");
		Matcher key = Pattern.compile("name=\"logKey\" value=\"([^\"]+)\"").matcher(player);
		assertThat(key.find()).isTrue();
		Map<String, String> form = Map.of("logKey", key.group(1), "durationSeconds", "640");
		erin.submit("/routines/tight-lower-back", "/routines/tight-lower-back/done", form);
		erin.submit("/routines/tight-lower-back", "/routines/tight-lower-back/done", form);

		String history = erin.page("/history");
		assertThat(history.split("<td>Tight lower back, nine moves</td>", -1)).hasSize(2);
		assertThat(erin.page("/")).contains("Streak: 1 day in a row").contains("done");
	}

	@Test
	void aFirstRoutineWaitsForTheSafetyCheckAndThenContinues() {
		TestOrganization organization = onboard("first-routine");
		BrowserSession noor = BrowserSession.signIn(this.http, organization, "noor", Map.of("name", "Noor"));
		assertThat(noor.get("/routines/tight-lower-back").getResponseHeaders().getLocation())
			.hasToString("/screening?routine=tight-lower-back");
		assertThat(noor.get("/routines/no-such-routine").getStatus().value()).isEqualTo(404);
		assertThat(noor.page("/screening?routine=tight-lower-back"))
			.contains("name=\"routine\" value=\"tight-lower-back\"");
		assertThat(noor
			.submit("/screening?routine=tight-lower-back", "/screening",
					Map.of("answer", "none", "routine", "tight-lower-back"))
			.getResponseHeaders()
			.getLocation()).hasToString("/routines/tight-lower-back");
		assertThat(noor.page("/routines/tight-lower-back")).contains("When to see a doctor")
			.contains("Numbness or tingling anywhere");
		assertThat(noor.submit("/screening", "/screening", Map.of("answer", "none", "routine", "https://evil.example"))
			.getResponseHeaders()
			.getLocation()).as("only a routine slug is followed").hasToString("/programs?screened");
	}

	@Test
	void aWarningSignLeadsToAdviceAndStoresNothing() {
		TestOrganization organization = onboard("caution");
		BrowserSession sam = BrowserSession.signIn(this.http, organization, "sam", Map.of("name", "Sam"));
		String advice = new String(sam.submit("/screening", "/screening", Map.of("answer", "some")).getResponseBody(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(advice).contains("doctor or physical therapist")
			.contains("/routines/easy-walk")
			.as("with a warning sign, no stretching routine is suggested")
			.doesNotContain("/routines/desk-reset-5-min");
		assertThat(sam.get("/routines/easy-walk").getStatus().value()).isEqualTo(200);
		assertThat(sam.get("/routines/desk-reset-5-min").getResponseHeaders().getLocation())
			.hasToString("/screening?routine=desk-reset-5-min");
		assertThat(sam.submit("/programs", "/programs/back-care-6-weeks/enroll", Map.of())
			.getResponseHeaders()
			.getLocation()).hasToString("/screening?program=back-care-6-weeks");
	}

	@Test
	void libraryFiltersAndExercisePages() {
		TestOrganization organization = onboard("library");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
		String desk = erin.page("/library?deskFriendly=true&position=seated");
		assertThat(desk).contains("Shoulder rolls").doesNotContain("Child");
		assertThat(erin.page("/library/single-knee-to-chest")).contains("Stop at once if you feel sharp pain.")
			.contains("<dd>5 s</dd>")
			.doesNotContain("5–5 s")
			.contains("When to see a doctor")
			.contains("Weakness in your legs or feet")
			.contains("Severe pain, or pain that lasts or keeps getting worse");
		assertThat(erin.page("/library/windshield-wipers")).as("a timed move shows its duration, not one repetition")
			.contains("<dd>1 minute</dd>")
			.doesNotContain("Repetitions");
		assertThat(erin.get("/library/no-such-exercise").getStatus().value()).isEqualTo(404);
		assertThat(erin.page("/library/cat-cow", "de")).contains("<h1>Katze-Kuh</h1>")
			.contains("Geh in den Vierfüßlerstand");
		assertThat(erin.page("/library/cat-cow", "en")).contains("<h1>Cat-cow</h1>");
	}

	@Test
	void noExercisePageShowsTheEditorsNotes() {
		TestOrganization organization = onboard("editorial");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
		Set<String> slugs = new TreeSet<>();
		Matcher link = Pattern.compile("href=\"/library/([a-z0-9-]+)\"").matcher(erin.page("/library"));
		while (link.find()) {
			slugs.add(link.group(1));
		}
		assertThat(slugs).as("every catalog exercise is listed").hasSizeGreaterThanOrEqualTo(43).contains("cat-cow");
		for (String slug : slugs) {
			for (String language : new String[] { "en", "de" }) {
				Matcher note = EDITORIAL.matcher(erin.page("/library/" + slug, language));
				assertThat(note.find() ? note.group() : null).as(slug + " in " + language).isNull();
			}
		}
		assertThat(erin.page("/library/cat-cow")).as("the note keeps what helps").contains("At least 1 minute.");
	}

}
