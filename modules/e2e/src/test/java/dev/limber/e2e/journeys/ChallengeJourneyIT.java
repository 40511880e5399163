package dev.limber.e2e.journeys;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A team lead creates a challenge for their team and keeps its leaderboard open; an
 * employee of that team joins and logs a routine, and their own contribution on the
 * challenge page moves without a reload. The employee then deletes their data, leaving
 * the demo user fresh.
 */
@ExtendWith(BrowserSuite.class)
class ChallengeJourneyIT {

	private static final Map<String, ZoneId> ZONES = Map.of("acme", ZoneId.of("Europe/Berlin"), "globex",
			ZoneId.of("America/New_York"));

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.limber.e2e.support.Run#all")
	void leaderboardMovesLive(Run run, Visits visits) {
		Visit lead = visits.open(run);
		lead.signIn("lead");
		lead.nav("nav.challenges").click();
		lead.arrivedAt("/challenges");
		lead.link("challenges.create").click();
		lead.arrivedAt("/challenges/new");
		String title = "Stretch week " + UUID.randomUUID().toString().substring(0, 6);
		LocalDateTime now = LocalDateTime.now(ZONES.get(run.organization())).truncatedTo(ChronoUnit.MINUTES);
		lead.field("challenges.field.title").fill(title);
		lead.field("challenges.field.startsAt").fill(now.minusDays(1).format(LOCAL));
		lead.field("challenges.field.endsAt").fill(now.plusDays(7).format(LOCAL));
		lead.page().getByLabel(Pattern.compile("^Blue Team")).check();
		lead.field("challenges.field.published").check();
		lead.button("challenges.save").click();
		lead.page().waitForURL(Pattern.compile(".*/challenges/[0-9a-f-]{36}(\\?.*)?$"));
		String challenge = lead.page().url().replaceAll("^.*(/challenges/[0-9a-f-]{36}).*$", "$1");
		lead.arrivedAt(challenge);
		Visit employee = visits.open(run);
		Page page = employee.page();
		employee.signIn("employee");
		employee.nav("nav.challenges").click();
		employee.arrivedAt("/challenges");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
		employee.arrivedAt(challenge);
		employee.button("challenges.join").click();
		employee.arrivedAt(challenge);
		assertThat(page.getByText(employee.text("challenges.joined"))).isVisible();
		// One person's log moves no team figure (privacy.md, rule 9); the employee's own
		// contribution, on the challenge page left open in another tab, moves live.
		Page live = page.context().newPage();
		live.navigate(page.url());
		Locator you = live.locator("#leaderboard-you");
		String before = you.textContent();

		// a first routine of any kind waits for the safety check, then continues
		// to the routine
		page.navigate(employee.baseUrl() + "/routines/desk-reset-5-min");
		employee.arrivedAt("/screening");
		page.getByLabel(employee.text("screening.none")).check();
		employee.button("screening.submit").click();
		employee.arrivedAt("/routines/desk-reset-5-min");
		assertThat(page.getByText(employee.text("exercise.seeDoctor"))).isVisible();
		employee.button("player.logIt").click();
		employee.arrivedAt("/history");
		assertThat(you).not().hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(20_000));
		live.close();
		lead.checkPage();
		lead.screenshot("challenge-leaderboard");

		employee.nav("nav.myData").click();
		employee.arrivedAt("/my-data");
		page.getByLabel(employee.text("mydata.confirm")).check();
		employee.button("mydata.deleteButton").click();
		employee.arrivedAt("/");
	}

}
