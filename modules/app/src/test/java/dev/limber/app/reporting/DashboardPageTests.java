package dev.limber.app.reporting;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.app.support.TestOrganization;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The HR dashboard page and its CSV, through a real sign-in. */
class DashboardPageTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Test
	void analystSeesTrendsAndMarkedSuppressedCellsAndTheSameCsv() {
		TestOrganization organization = onboard("dashboard");
		ReportingFixture.populate(this.http, organization, List.of(new ReportingFixture.Group("Sales", "Berlin", 8),
				new ReportingFixture.Group("Legal", "Berlin", 2), new ReportingFixture.Group("Ops", "Munich", 6)), 1);
		this.consumer.drain().block();
		BrowserSession hr = BrowserSession.signIn(this.http, organization, "hana",
				Map.of("name", "Hana", "roles", List.of("hr-analyst")));
		String page = hr.page("/hr");
		assertThat(page).contains("<svg class=\"trend\"").contains("class=\"suppressed\"").contains(">Legal<")
			.contains("Program funnel")
			.contains("Workstation checklist findings");
		String csv = hr.page("/hr/participation.csv?from=" + java.time.LocalDate.now().minusWeeks(1) + "&to="
				+ java.time.LocalDate.now() + "&interval=week&groupBy=department");
		assertThat(csv.lines().filter((line) -> line.contains(",Legal,"))).isNotEmpty()
			.allMatch((line) -> line.contains("suppressed"));

		BrowserSession employee = BrowserSession.signIn(this.http, organization, "eve", Map.of("name", "Eve"));
		assertThat(employee.get("/hr").getStatus().value()).isEqualTo(403);
	}

}
