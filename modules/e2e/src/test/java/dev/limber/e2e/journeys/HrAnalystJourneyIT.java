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
 * sees exact figures and ranges (never a small group alone), filters it to months, and
 * downloads the same table as CSV, with ranges exactly where the page has them.
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
		String notReleased = analyst.text("hr.suppressed");
		// Weekly participation varies enough for both forms; a month's is often near 100
		// % and then a range.
		assertThat(cellTexts(heatmap).stream().flatMap(List::stream)).as("exact weekly cells and ranges")
			.anyMatch((cell) -> cell.contains("–"))
			.anyMatch((cell) -> !cell.contains("–") && !cell.equals(notReleased));
		analyst.screenshot("hr-dashboard");

		analyst.field("hr.interval").selectOption("month");
		analyst.button("hr.show").click();
		analyst.arrivedAt("/hr");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*interval=month.*"));
		assertThat(analyst.field("hr.interval")).hasValue("month");
		int periods = heatmap.locator("thead th").count() - 1;
		assertThat(periods).isBetween(3, 4);
		List<List<String>> cells = cellTexts(heatmap);
		List<Integer> released = new java.util.ArrayList<>();
		for (int period = 0; period < periods; period++) {
			if (!cells.get(0).get(period).equals(notReleased)) {
				released.add(period);
			}
		}
		assertThat(released).as("closed months released").isNotEmpty();

		Download download = page.waitForDownload(() -> analyst.link("hr.csv").click());
		List<String> csv = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
		assertThat(csv.get(0)).isEqualTo("period_start,period_end,group,eligible,participants,participants_min,"
				+ "participants_max,participation_rate,sessions,sessions_min,sessions_max,minutes,minutes_min,minutes_max");
		int rowsPerPeriod = cells.size();
		assertThat(csv).hasSize(1 + released.size() * rowsPerPeriod);
		for (int index = 0; index < released.size(); index++) {
			for (int row = 0; row < rowsPerPeriod; row++) {
				String line = csv.get(1 + index * rowsPerPeriod + row);
				boolean range = line.split(",", -1)[4].isEmpty();
				assertThat(range).as("CSV line %s a range as on the page %s", line, cells)
					.isEqualTo(cells.get(row).get(released.get(index)).contains("–"));
			}
		}
	}

	/** Per table row (total first, then each group), per period: the cell's text. */
	private static List<List<String>> cellTexts(Locator heatmap) {
		return heatmap.locator("tbody tr")
			.all()
			.stream()
			.map((row) -> row.locator("td").allTextContents().stream().map(String::trim).toList())
			.toList();
	}

}
