package dev.limber.e2e.journeys;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An employee takes wrong turns, and each page says what happened and where to go: a
 * mistyped address, the HR dashboard (not for their role), and a session the server no
 * longer knows.
 */
@ExtendWith(BrowserSuite.class)
class WrongTurnsJourneyIT {

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.limber.e2e.support.Run#all")
	void errorPagesHelp(Run run, Visits visits) {
		Visit employee = visits.open(run);
		Page page = employee.page();
		employee.signIn("employee");

		employee.open("/no-such-page");
		assertThat(heading(page)).hasText(employee.text("error.404.title"));
		employee.link("error.home").click();
		employee.arrivedAt("/");

		employee.open("/hr");
		assertThat(heading(page)).hasText(employee.text("error.403.title"));
		employee.link("error.home").click();
		employee.arrivedAt("/");

		page.context().addCookies(List.of(new Cookie("SESSION", "expired-session").setUrl(employee.baseUrl())));
		employee.nav("nav.history").click();
		employee.arrivedAt("/login");
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(employee.text("login.expired"));
	}

	private static Locator heading(Page page) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

}
