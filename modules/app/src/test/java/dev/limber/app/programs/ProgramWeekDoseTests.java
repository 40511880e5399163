package dev.limber.app.programs;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program day and its player show that week's doses: the pelvic tilts grow from 3 to
 * 10.
 */
class ProgramWeekDoseTests extends LimberIntegrationTest {

	private static final Pattern TILTS = Pattern.compile("data-exercise=\"pelvic-tilts\"[^>]*data-reps=\"(\\d+)\"");

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void theHomePageAndThePlayerShowTheWeeksPelvicTilts() {
		TestOrganization organization = onboard("doses");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
		erin.submit("/screening", "/screening", Map.of("answer", "none", "program", "back-care-6-weeks"));
		erin.submit("/programs", "/programs/back-care-6-weeks/enroll", Map.of());
		assertThat(erin.page("/")).contains("week 1, day 1")
			.contains("This week: Pelvic tilts, 3 repetitions")
			.contains("/routines/tight-lower-back?program=back-care-6-weeks&amp;week=1");
		assertThat(tilts(erin.page("/routines/tight-lower-back?program=back-care-6-weeks&week=1"))).isEqualTo(3);

		this.clock.advance(Duration.ofDays(8));
		assertThat(erin.page("/")).contains("week 2, day 2").contains("This week: Pelvic tilts, 4 repetitions");
		String week2 = erin.page("/routines/tight-lower-back?program=back-care-6-weeks&week=2");
		assertThat(week2).contains("Doses of week 2 of Six-week back care");
		assertThat(tilts(week2)).isEqualTo(4);
		assertThat(tilts(erin.page("/routines/tight-lower-back"))).as("outside a program: the routine's own")
			.isEqualTo(3);
		assertThat(erin.page("/routines/tight-lower-back?program=back-care-6-weeks&week=2", "de"))
			.contains("Dosis aus Woche 2 von Sechs Wochen Rückenpflege");

		this.clock.advance(Duration.ofDays(28));
		assertThat(erin.page("/")).contains("week 6, day 2").contains("This week: Pelvic tilts, 10 repetitions");
		assertThat(tilts(erin.page("/routines/abdominal-strength?program=back-care-6-weeks&week=6"))).isEqualTo(10);
	}

	@Test
	void aWeekTheProgramDoesNotHaveIsNotFound() {
		TestOrganization organization = onboard("dose-probe");
		BrowserSession erin = BrowserSession.signIn(this.http, organization, "erin", Map.of("name", "Erin"));
		erin.submit("/screening", "/screening", Map.of("answer", "none"));
		assertThat(erin.get("/routines/tight-lower-back?program=back-care-6-weeks&week=7").getStatus().value())
			.isEqualTo(404);
		assertThat(erin.get("/routines/tight-lower-back?program=back-care-6-weeks&week=0").getStatus().value())
			.isEqualTo(404);
		assertThat(erin.get("/routines/tight-lower-back?program=no-such-program&week=1").getStatus().value())
			.isEqualTo(404);
		assertThat(erin.get("/routines/tight-lower-back?program=back-care-6-weeks").getStatus().value())
			.as("a program without its week")
			.isEqualTo(404);
		assertThat(erin.get("/routines/tight-lower-back?program=back-care-6-weeks&week=two").getStatus().value())
			.isEqualTo(400);
	}

	private static int tilts(String player) {
		Matcher matcher = TILTS.matcher(player);
		assertThat(matcher.find()).as("the player has a pelvic tilt step").isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
