package dev.limber.e2e.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An employee's first day: signs in, passes the safety screening, enrolls in a program,
 * looks at how an exercise is done (its pictures and when to see a doctor), plays a
 * routine with the coaching player to the end, logs it and sees the streak; then deletes
 * their data, which also leaves the demo user fresh for the next run.
 */
@ExtendWith(BrowserSuite.class)
class EmployeeJourneyIT {

	private static final String PROGRAM = "back-care-6-weeks";

	private static final String ROUTINE = "desk-reset-5-min";

	private static final String EXERCISE = "cat-cow";

	/** The seeds' warning signs (programs' WarningSigns). */
	private static final int WARNING_SIGNS = 8;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.limber.e2e.support.Run#all")
	void firstDay(Run run, Visits visits) {
		Visit employee = visits.open(run);
		Page page = employee.page();
		employee.signIn("employee");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(employee.text("home.hello", "Emma Employee"));
		assertThat(page.getByText(employee.text("home.noProgram"))).isVisible();
		skipLinkWorksByKeyboard(employee);

		employee.nav("nav.programs").click();
		employee.arrivedAt("/programs");
		enrollButton(page).click();
		employee.arrivedAt("/screening");
		page.getByLabel(employee.text("screening.none")).check();
		employee.button("screening.submit").click();
		employee.arrivedAt("/programs");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(employee.text("programs.screened"));
		enrollButton(page).click();
		employee.arrivedAt("/");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(employee.text("home.enrolled"));
		assertThat(page.getByText(employee.text("home.noProgram"))).not().isVisible();

		employee.nav("nav.library").click();
		employee.arrivedAt("/library");
		assertThat(page.locator("img.card-picture").first()).isVisible();
		employee.screenshot("library");
		seeHowAnExerciseLooks(employee);
		page.locator("a[href='/routines/" + ROUTINE + "']").click();
		employee.arrivedAt("/routines/" + ROUTINE);
		String routineName = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent();
		playToTheEnd(employee);

		employee.button("player.logIt").click();
		employee.arrivedAt("/history");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(employee.text("history.logged", routineName));
		assertThat(page.locator("table tbody tr")).hasCount(1);

		employee.nav("nav.home").click();
		employee.arrivedAt("/");
		assertThat(page.getByText(employee.text("home.streak", 1))).isVisible();
		employee.screenshot("portal-home");

		employee.nav("nav.myData").click();
		employee.arrivedAt("/my-data");
		page.getByLabel(employee.text("mydata.confirm")).check();
		employee.button("mydata.deleteButton").click();
		employee.arrivedAt("/");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(employee.text("home.deleted"));
	}

	/**
	 * The first Tab shows the skip link; Enter on it puts the keyboard in the main
	 * content.
	 */
	private static void skipLinkWorksByKeyboard(Visit employee) {
		Page page = employee.page();
		page.keyboard().press("Tab");
		Locator skip = employee.link("layout.skip");
		assertThat(skip).isFocused();
		assertThat(skip).isInViewport();
		page.keyboard().press("Enter");
		assertThat(page.locator("main")).isFocused();
	}

	private static Locator enrollButton(Page page) {
		return page.locator("form[action='/programs/" + PROGRAM + "/enroll'] button");
	}

	/**
	 * An exercise page shows its keyframes, each named by its step, and the warning
	 * signs.
	 */
	private static void seeHowAnExerciseLooks(Visit employee) {
		Page page = employee.page();
		page.locator("a[href='/library/" + EXERCISE + "']").first().click();
		employee.arrivedAt("/library/" + EXERCISE);
		Locator pictures = page.locator("ol.keyframes svg[role='img']");
		assertThat(pictures.count()).as("cat-cow shows the flat, dropped and rounded back").isEqualTo(3);
		assertThat(pictures.first().locator("title")).not().isEmpty();
		page.locator("details.warning-signs summary").click();
		assertThat(page.locator("details.warning-signs li")).hasCount(WARNING_SIGNS);
		employee.screenshot("exercise");
		employee.link("exercise.back").click();
		employee.arrivedAt("/library");
	}

	/**
	 * Starts the player, and skips through every step rather than waiting out its timers.
	 */
	private static void playToTheEnd(Visit employee) {
		Page page = employee.page();
		Locator stage = page.locator(".stage");
		Locator announcer = page.locator("[aria-live]");
		int steps = page.locator("ol.steps > li").count();
		employee.button("player.start").click();
		assertThat(page.locator(".step-name")).isFocused();
		assertThat(announcer).not().isEmpty();
		employee.checkPage();
		// the player coaches: the step's instructions, its picture, and when to stop and
		// see a doctor
		assertThat(page.locator(".step-instruction li").first()).not().isEmpty();
		assertThat(page.locator(".figure-box svg[role='img']")).isVisible();
		assertThat(page.locator("details.warning-signs li")).hasCount(WARNING_SIGNS);
		employee.screenshot("routine-player");
		for (int step = 1; step <= steps; step++) {
			assertThat(page.locator(".step-count")).hasText(step + " / " + steps);
			employee.button("player.skip").click();
		}
		assertThat(stage).isHidden();
		assertThat(announcer).hasText(employee.text("player.finished"));
		assertThat(page.getByLabel(employee.text("player.duration"))).not().hasValue("");
		assertThat(employee.button("player.logIt")).isFocused();
	}

}
