package dev.limber.e2e.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * An HR analyst opens the dashboard over the demo organization's twelve weeks of history,
 * filters it to months, sees small departments suppressed, and downloads the same table as
 * CSV, suppressed exactly where the page is.
 */
@ExtendWith(BrowserSuite.class)
class HrAnalystJourneyIT {

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.limber.e2e.support.Run#all")
	void dashboard(Run run, Visits visits) throws IOException {
		Visit analyst = visits.open(run);
		Page page = analyst.page();
		analyst.signIn("hr");
		analyst.nav("nav.hr").click();
		analyst.arrivedAt("/hr");
		Locator heatmap = page.locator("table.heatmap");
		assertThat(heatmap.locator("thead th").count()).as("twelve weeks and the group column").isGreaterThan(12);
		analyst.screenshot("hr-dashboard");

		analyst.field("hr.interval").selectOption("month");
		analyst.button("hr.show").click();
		analyst.arrivedAt("/hr");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*interval=month.*"));
		assertThat(analyst.field("hr.interval")).hasValue("month");
		int periods = heatmap.locator("thead th").count() - 1;
		assertThat(periods).isBetween(3, 4);
		List<List<Boolean>> shown = suppressedCells(analyst, heatmap);
		assertThat(shown.stream().flatMap(List::stream)).as("suppressed cells on the page").contains(true, false);

		Download download = page.waitForDownload(() -> analyst.link("hr.csv").click());
		List<String> csv = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
		assertThat(csv.get(0)).isEqualTo("period_start,period_end,group,participants,eligible,participation_rate,"
				+ "sessions,minutes,sessions_per_participant,minutes_per_participant");
		int rowsPerPeriod = shown.size();
		assertThat(csv).hasSize(1 + periods * rowsPerPeriod);
		for (int period = 0; period < periods; period++) {
			for (int row = 0; row < rowsPerPeriod; row++) {
				String line = csv.get(1 + period * rowsPerPeriod + row);
				assertThat(line.endsWith(",suppressed"))
					.as("CSV line %s suppressed as on the page %s; CSV %s", line, shown, csv)
					.isEqualTo(shown.get(row).get(period));
			}
		}
	}

	/** Per table row (total first, then each group), per period: whether the cell is suppressed. */
	private static List<List<Boolean>> suppressedCells(Visit analyst, Locator heatmap) {
		String suppressed = analyst.text("hr.suppressed");
		return heatmap.locator("tbody tr")
			.all()
			.stream()
			.map((row) -> row.locator("td").allTextContents().stream().map((cell) -> cell.trim().equals(suppressed)).toList())
			.toList();
	}

}
