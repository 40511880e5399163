package dev.limber.e2e.journeys;

import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On a phone that loses its network: a routine opened before still plays, the page says
 * it is offline, the finished routine is kept on the phone, and once the phone is back
 * online it is logged, once, even when "log it" is pressed afterwards as well.
 */
@ExtendWith(BrowserSuite.class)
class OfflineJourneyIT {

	private static final String ROUTINE = "/routines/easy-walk";

	@Test
	void aRoutinePlayedWithoutANetworkIsLoggedOnceWhenBackOnline(Visits visits) {
		Visit person = visits.open(new Run(Run.Viewport.PHONE, Locale.ENGLISH, "globex"));
		Page page = person.page();
		person.signIn("hr");
		person.open(ROUTINE);
		page.waitForFunction("() => navigator.serviceWorker.controller !== null");
		// the worker keeps the pages it serves: this visit is the one it keeps
		page.reload();
		person.arrivedAt(ROUTINE);
		page.waitForFunction("() => caches.match(location.href).then((kept) => Boolean(kept))");
		String routineName = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent();

		page.context().setOffline(true);
		page.reload();
		person.arrivedAt(ROUTINE);
		Locator connection = page.locator("#connection");
		assertThat(connection).hasText(person.text("offline.banner"));
		playToTheEnd(person);
		assertThat(connection).hasText(person.text("offline.saved"));
		person.button("player.logIt").click();
		assertThat(connection).hasText(person.text("offline.saved"));
		person.checkPage();

		page.context().setOffline(false);
		assertThat(connection).hasText(person.text("offline.loggedOne"));
		// pressed again once online: the same key, so it counts once
		person.button("player.logIt").click();
		person.arrivedAt("/history");
		assertThat(page.locator("table tbody tr", new Page.LocatorOptions().setHasText(routineName.trim())))
			.hasCount(1);
	}

	private static void playToTheEnd(Visit person) {
		Page page = person.page();
		int steps = page.locator("ol.steps > li").count();
		person.button("player.start").click();
		for (int step = 1; step <= steps; step++) {
			person.button("player.skip").click();
		}
		assertThat(page.locator(".stage")).isHidden();
	}

}
