package dev.limber.reporting.release;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.reporting.testing.ReportingFixture;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.reporting.ingestion.OutboxConsumer;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Release tables are built outside the request that needs them: a report whose build is
 * held up (here by another instance holding the organization's build lock) answers within
 * its wait with the period not released yet, and the build finishes once it can; the
 * background build prepares every organization's recently closed periods before anyone
 * asks.
 */
class ReleaseBuildTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	MovableClock clock;

	@Autowired
	ReleasePrebuilds prebuilds;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aReportWhoseBuildIsHeldUpAnswersInTimeAndTheBuildFinishesLater() throws InterruptedException {
		TestOrganization organization = organizationWithAWeekOfActivity("held-up");
		String hr = organization.token("analyst", "hr-analyst");
		LocalDate week = ReleaseCalendar.week(LocalDate.now());
		assertThat(period(hr, week).get("preparing")).as("the running week is not closed, not being prepared")
			.isEqualTo(false);
		// another week of the same month, built first: the month's membership
		// is then frozen
		LocalDate sibling = ReleaseCalendar.monthOfWeek(week.minusWeeks(1)).equals(ReleaseCalendar.monthOfWeek(week))
				? week.minusWeeks(1) : week.plusWeeks(1);
		this.clock.advance(Duration.ofDays(21));
		await().atMost(Duration.ofSeconds(30)).until(() -> released(hr, sibling));
		Sinks.Empty<Void> letGo = Sinks.empty();
		CountDownLatch held = new CountDownLatch(1);
		this.database.sql("select pg_advisory_xact_lock(hashtextextended('reporting.release.' || :tenant, 0))")
			.bind("tenant", organization.id().toString())
			.then()
			.doOnSuccess((locked) -> held.countDown())
			.then(letGo.asMono())
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(organization.id())))
			.subscribe();
		assertThat(held.await(30, TimeUnit.SECONDS)).as("the lock taken, as another instance's build would").isTrue();
		long started = System.nanoTime();
		Map<?, ?> waiting = period(hr, week);
		assertThat(waiting.get("released"))
			.as("answered while the build waits for the lock, not shown as a week of"
					+ " nobody although its month's cells exist")
			.isEqualTo(false);
		assertThat(waiting.get("preparing")).as("closed, so said to be on its way").isEqualTo(true);
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.as("the report waited for the build no longer than" + " its wait, not until the request deadline")
			.isLessThan(Duration.ofSeconds(30));
		letGo.tryEmitEmpty();
		// the build went on after the request had its answer
		await().atMost(Duration.ofSeconds(30)).until(() -> released(hr, week));
		assertThat(total(hr, week).get("participants")).isEqualTo(Map.of("value", 6));
	}

	@Test
	void theBackgroundBuildPreparesClosedPeriodsBeforeAnyoneAsks() {
		TestOrganization organization = organizationWithAWeekOfActivity("prepared");
		String hr = organization.token("analyst", "hr-analyst");
		this.clock.advance(Duration.ofDays(14));
		assertThat(builtWeeks(organization)).isZero();
		this.prebuilds.prebuildAll().block();
		assertThat(builtWeeks(organization)).as("the week of the activity, built before any report asked").isOne();
		assertThat(total(hr, LocalDate.now()).get("participants")).isEqualTo(Map.of("value", 6));
	}

	private TestOrganization organizationWithAWeekOfActivity(String name) {
		TestOrganization organization = onboard(name);
		ReportingFixture.populate(this.http, organization, List.of(new ReportingFixture.Group("Ops", "Berlin", 6)), 1);
		ReportingFixture.populate(this.http, organization, List.of(new ReportingFixture.Group("Ops", "Munich", 6)), 0);
		this.http.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(organization.token("analyst", "hr-analyst")))
			.exchange()
			.expectStatus()
			.isOk();
		this.consumer.drain().block();
		return organization;
	}

	private long builtWeeks(TestOrganization organization) {
		return this.database.sql("select count(*) from reporting.release_period where unit = 'week' and period = :week")
			.bind("week", ReleaseCalendar.week(LocalDate.now()))
			.map((row, metadata) -> row.get(0, Long.class))
			.one()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(organization.id())))
			.block();
	}

	private boolean released(String hr, LocalDate week) {
		return Boolean.TRUE.equals(period(hr, week).get("released"));
	}

	private Map<?, ?> total(String hr, LocalDate week) {
		return (Map<?, ?>) period(hr, week).get("total");
	}

	private Map<?, ?> period(String hr, LocalDate week) {
		Map<?, ?> body = this.http.get()
			.uri("/api/v1/reports/participation?interval=week&from=" + week + "&to=" + week)
			.headers((headers) -> headers.setBearerAuth(hr))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Map<?, ?>) ((List<?>) body.get("periods")).get(0);
	}

}
