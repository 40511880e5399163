package dev.limber.reporting.ingestion;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.reporting.testing.ReportingFixture;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox consumer loses nothing and counts nothing twice, whatever fails and however
 * many run.
 */
class IngestionTests extends ModuleIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	MovableClock clock;

	TestOrganization organization;

	TenantId tenant;

	@BeforeEach
	void activities() {
		this.organization = onboard("ingest");
		this.tenant = new TenantId(this.organization.id());
		ReportingFixture.populate(this.http, this.organization, List
			.of(new ReportingFixture.Group("Sales", "Berlin", 6), new ReportingFixture.Group("Ops", "Munich", 4)), 3);
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aBatchThatFailsHalfwayIsAppliedOnceAfterRestart() {
		AtomicInteger seen = new AtomicInteger();
		assertThatThrownBy(
				() -> this.consumer.drainTenant(this.tenant, (event) -> seen.incrementAndGet() == 15).block())
			.hasMessageContaining("Injected failure");
		assertThat(count("select coalesce(sum(sessions), 0) as n from reporting.activity_day")).isZero();
		assertThat(count("select count(*) as n from programs.participation_outbox")).isEqualTo(30);

		this.consumer.drainTenant(this.tenant, (event) -> false).block();
		assertTotalsMatchTheSource();
		this.consumer.drainTenant(this.tenant, (event) -> false).block();
		assertTotalsMatchTheSource();
	}

	@Test
	void twoConsumersInParallelGiveTheSameTotals() {
		Mono.zip(this.consumer.drainTenant(this.tenant, (event) -> false),
				this.consumer.drainTenant(this.tenant, (event) -> false))
			.block();
		assertTotalsMatchTheSource();
	}

	@Test
	void releasedFiguresEqualFiguresComputedFromTheSourceEvents() {
		// a cell of 17 where 8 took part (between k and n - k), so every figure
		// is shown exactly
		TestOrganization sixteen = onboard("sixteen");
		ReportingFixture.populate(this.http, sixteen, List.of(new ReportingFixture.Group("Sales", "Berlin", 8)), 3);
		ReportingFixture.populate(this.http, sixteen, List.of(new ReportingFixture.Group("Sales", "Munich", 8)), 0);
		this.consumer.drain().block();
		String hr = sixteen.token("analyst", "hr-analyst");
		this.clock.advance(java.time.Duration.ofDays(14));
		String today = java.time.LocalDate.now().toString();
		java.util.Map<?, ?> report = this.http.get()
			.uri("/api/v1/reports/participation?from=" + today + "&to=" + today + "&interval=week")
			.headers((headers) -> headers.setBearerAuth(hr))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody();
		java.util.Map<?, ?> total = (java.util.Map<?, ?>) ((java.util.Map<?, ?>) ((List<?>) report.get("periods"))
			.get(0)).get("total");
		this.tenant = new TenantId(sixteen.id());
		assertThat(total.get("participants")).isEqualTo(
				java.util.Map.of("value", (int) count("select count(distinct member_id) as n from programs.activity")));
		assertThat(total.get("sessions"))
			.isEqualTo(java.util.Map.of("value", (int) count("select count(*) as n from programs.activity")));
		assertThat(total.get("minutes")).isEqualTo(java.util.Map.of("value",
				(int) Math.round(count("select sum(duration_seconds) as n from programs.activity") / 60.0)));
		assertThat(((Number) total.get("eligible")).longValue())
			.isEqualTo(count("select count(*) as n from organizations.member where active"));
	}

	private void assertTotalsMatchTheSource() {
		assertThat(count("select coalesce(sum(sessions), 0) as n from reporting.activity_day"))
			.isEqualTo(count("select count(*) as n from programs.activity"));
		assertThat(count("select coalesce(sum(seconds), 0) as n from reporting.activity_day"))
			.isEqualTo(count("select coalesce(sum(duration_seconds), 0) as n from programs.activity"));
		assertThat(count("select count(*) as n from reporting.participant_day")).isEqualTo(count(
				"select count(distinct (member_id, (completed_at at time zone 'UTC')::date)) as n from programs.activity"));
		assertThat(count("select coalesce(sum(sessions), 0) as n from reporting.person_week"))
			.isEqualTo(count("select count(*) as n from programs.activity"));
		assertThat(count("select coalesce(sum(seconds), 0) as n from reporting.person_week"))
			.isEqualTo(count("select coalesce(sum(duration_seconds), 0) as n from programs.activity"));
		for (String unit : List.of("week", "month")) {
			assertThat(count("select coalesce(sum(sessions), 0) as n from reporting.period_activity where unit = '"
					+ unit + "'"))
				.isEqualTo(count("select count(*) as n from programs.activity"));
			assertThat(count(
					"select coalesce(sum(seconds), 0) as n from reporting.period_activity where unit = '" + unit + "'"))
				.isEqualTo(count("select coalesce(sum(duration_seconds), 0) as n from programs.activity"));
			assertThat(count(
					"select coalesce(sum(participants), 0) as n from reporting.period_participation where unit = '"
							+ unit + "'"))
				.isEqualTo(count("select count(distinct (member_id, date_trunc('" + unit
						+ "', completed_at at time zone 'UTC'))) as n from programs.activity"));
		}
		assertThat(count("select count(*) as n from programs.participation_outbox")).isZero();
	}

	private long count(String sql) {
		return this.database.sql(sql)
			.map((row, metadata) -> row.get("n", Number.class).longValue())
			.one()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(this.tenant))
			.block();
	}

}
