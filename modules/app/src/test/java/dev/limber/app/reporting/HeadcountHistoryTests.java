package dev.limber.app.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.app.support.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A past week's participation rate uses the people eligible then, from the daily headcount. */
class HeadcountHistoryTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Test
	@SuppressWarnings("unchecked")
	void pastPeriodsAreMeasuredAgainstTheHeadcountOfTheirTime() {
		TestOrganization organization = onboard("history");
		ReportingFixture.populate(this.http, organization, List.of(new ReportingFixture.Group("Ops", "Berlin", 6)), 1);
		this.consumer.drain().block();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate pastWednesday = thisMonday.minusWeeks(3).plusDays(2);
		// Three weeks ago Ops had 12 people, 6 of whom stretched that Wednesday.
		inTenant(organization, this.database.sql("""
				insert into reporting.headcount_day (tenant_id, day, department, location, members)
				values (:t, :day, 'Ops', 'Berlin', 12)""").bind("t", organization.id()).bind("day", pastWednesday)
			.then()
			.then(this.database.sql("""
					insert into reporting.participant_day (tenant_id, day, department, location, pseudonym)
					select :t, :day, 'Ops', 'Berlin', 'past-' || n from generate_series(1, 6) n""")
				.bind("t", organization.id())
				.bind("day", pastWednesday)
				.then())
			.then(this.database.sql("""
					insert into reporting.period_participation (tenant_id, unit, period, department, location,
					    participants)
					values (:t, 'week', :monday, 'Ops', 'Berlin', 6)""")
				.bind("t", organization.id())
				.bind("monday", pastWednesday.minusDays(2))
				.then()));

		String hr = organization.token("analyst", "hr-analyst");
		Map<String, Object> report = this.http.get()
			.uri("/api/v1/reports/participation?from=" + pastWednesday + "&to=" + today + "&interval=week")
			.headers((headers) -> headers.setBearerAuth(hr))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> periods = (List<Map<String, Object>>) report.get("periods");
		Map<String, Object> past = (Map<String, Object>) periods.get(0).get("total");
		Map<String, Object> now = (Map<String, Object>) periods.get(periods.size() - 1).get("total");
		assertThat(past).containsEntry("eligible", 12).containsEntry("participants", 6)
			.containsEntry("participationRate", 0.5);
		assertThat(((Number) now.get("eligible")).intValue()).isLessThan(12);
	}

	private void inTenant(TestOrganization organization, Mono<Void> work) {
		work.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(organization.id())))
			.block();
	}

}
