package dev.limber.e2e.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.Lighthouse;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lighthouse on a phone (the npm package, in Debian's Chromium) for the pages people use
 * most, signed in: performance at least 95 (on a simulated mid-tier phone; see audit.mjs
 * for the CPU calibration; the median of three runs for a page whose first run is below),
 * accessibility and best practices 100. The same browser says whether the portal can be
 * installed (Lighthouse 12 dropped its PWA category, so this asks Chromium directly) and
 * shows that, with the network cut, a page opened before still works and a page never
 * opened shows the offline page.
 */
@ExtendWith(BrowserSuite.class)
class LighthouseIT {

	private static final int PERFORMANCE = 95;

	@Test
	void pagesScoreOnAPhoneAndThePortalInstallsAndWorksOffline(Visits visits) {
		Visit hr = visits.open(new Run(Run.Viewport.PHONE, Locale.ENGLISH, "acme"));
		hr.signIn("hr");
		Lighthouse.Plan plan = new Lighthouse.Plan(hr.baseUrl(), hr.sessionCookie()).medianOfThreeBelow(PERFORMANCE)
			.page("home", "/")
			.page("library", "/library")
			.page("exercise", "/library/cat-cow")
			.page("player", "/routines/easy-walk")
			.page("checklist", "/checklist")
			.page("hr-dashboard", "/hr")
			.offline("/library");
		JsonObject result = Lighthouse.run(plan);
		result.getAsJsonArray("browserRestarts")
			.forEach((restart) -> System.out.println("Lighthouse restarted its browser: " + restart));

		SoftAssertions softly = new SoftAssertions();
		for (JsonElement element : result.getAsJsonArray("pages")) {
			JsonObject page = element.getAsJsonObject();
			String name = page.get("name").getAsString();
			JsonObject scores = page.getAsJsonObject("scores");
			String why = name + " (host benchmark index " + page.get("benchmarkIndex") + ", CPU slowdown "
					+ page.get("cpuSlowdownMultiplier") + "x, performance of each run "
					+ page.getAsJsonArray("performanceRuns") + ") " + strings(page.getAsJsonArray("shortfalls"));
			System.out.println("Lighthouse " + why + ": " + scores);
			softly.assertThat(page.get("runtimeError").isJsonNull())
				.as(name + " ran: " + page.get("runtimeError"))
				.isTrue();
			softly.assertThat(page.get("finalUrl").getAsString())
				.as(name + " was not redirected")
				.isEqualTo(page.get("url").getAsString());
			softly.assertThat(scores.get("performance").getAsInt())
				.as("performance of " + why)
				.isGreaterThanOrEqualTo(PERFORMANCE);
			softly.assertThat(scores.get("accessibility").getAsInt()).as("accessibility of " + why).isEqualTo(100);
			softly.assertThat(scores.get("best-practices").getAsInt()).as("best practices of " + why).isEqualTo(100);
		}
		JsonObject install = result.getAsJsonObject("installability");
		softly.assertThat(install.get("manifestUrl").getAsString()).isEqualTo(hr.baseUrl() + "/manifest.json");
		softly.assertThat(strings(install.getAsJsonArray("manifestErrors"))).as("manifest errors").isEmpty();
		softly.assertThat(strings(install.getAsJsonArray("installabilityErrors")))
			.as("installability errors")
			.isEmpty();
		softly.assertThat(install.getAsJsonObject("serviceWorker").get("scope").getAsString())
			.isEqualTo(hr.baseUrl() + "/");

		JsonObject offline = result.getAsJsonObject("offline");
		softly.assertThat(offline.get("fromServiceWorker").getAsBoolean()).as("served by the service worker").isTrue();
		softly.assertThat(offline.get("status").getAsInt()).isEqualTo(200);
		softly.assertThat(offline.get("title").getAsString()).startsWith(hr.text("library.title"));
		softly.assertThat(offline.get("uncachedPageHeading").getAsString())
			.as("a page never opened, offline")
			.isEqualTo(hr.text("offline.title"));
		softly.assertAll();
		assertThat(result.getAsJsonArray("pages")).hasSize(6);
	}

	private static List<String> strings(JsonArray array) {
		List<String> strings = new ArrayList<>();
		array.forEach((element) -> strings.add(element.getAsString()));
		return strings;
	}

}
