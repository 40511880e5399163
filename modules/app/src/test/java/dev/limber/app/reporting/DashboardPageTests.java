package dev.limber.app.reporting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.reporting.testing.ReportingFixture;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The HR dashboard page and its CSV, through a real sign-in. */
class DashboardPageTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void analystSeesClosedWeeksWithRangesAndTheSameCsv() {
		TestOrganization organization = onboard("dashboard");
		ReportingFixture.populate(this.http, organization, List.of(new ReportingFixture.Group("Sales", "Berlin", 8),
				new ReportingFixture.Group("Legal", "Berlin", 2), new ReportingFixture.Group("Ops", "Munich", 6)), 1);
		this.consumer.drain().block();
		BrowserSession hr = BrowserSession.signIn(this.http, organization, "hana",
				Map.of("name", "Hana", "roles", List.of("hr-analyst")));
		// this week is still running: nothing released yet
		String today = java.time.LocalDate.now().toString();
		assertThat(hr.page("/hr?from=" + today + "&to=" + today)).contains("Not released yet")
			.doesNotContain(">Sales<");
		this.clock.advance(java.time.Duration.ofDays(14));
		String page = hr.page("/hr");
		// Legal (2) never shows alone: pooled with Hana (no department) and the
		// smallest department, Ops
		assertThat(page).contains("<svg class=\"trend\"")
			.contains(">Sales<")
			.contains(">(unknown) + Legal + Ops<")
			.doesNotContain(">Legal<")
			.contains("class=\"banded\"")
			.contains("Program funnel")
			.contains("Workstation checklist findings");
		String csv = hr.page("/hr/participation.csv?from=" + java.time.LocalDate.now() + "&to="
				+ java.time.LocalDate.now() + "&interval=week&groupBy=department");
		// Sales: all 8 took part, more than n - k: shown as 4 to 8; the pooled cell (9, 8
		// took part) as 5 to 9
		assertThat(csv.lines().filter((line) -> line.contains(",Sales,"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(",8,,4,8,"));
		assertThat(csv.lines().filter((line) -> line.contains(",(unknown) + Legal + Ops,"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(",9,,5,9,"));

		BrowserSession employee = BrowserSession.signIn(this.http, organization, "eve", Map.of("name", "Eve"));
		assertThat(employee.get("/hr").getStatus().value()).isEqualTo(403);
	}

}
