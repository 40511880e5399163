package dev.limber.app.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Role;
import dev.limber.reporting.ingestion.OutboxConsumer;
import dev.limber.reporting.participation.Cell;
import dev.limber.reporting.participation.ParticipationReport;
import dev.limber.reporting.participation.ParticipationReports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Utility on the demo data (docs/privacy.md): the demo organizations with their twelve
 * weeks of history, reported weekly by department. Every department of 20 or more people
 * must show a weekly participation figure, exact or as an honest range; the shares
 * measured here are the ones docs/privacy.md quotes.
 */
@TestPropertySource(properties = { "limber.demo.enabled=true", "limber.db.embedded.data-directory=target/pgdata-demo" })
class DemoUtilityTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	ParticipationReports reports;

	@Autowired
	DatabaseClient database;

	@Autowired
	org.springframework.transaction.reactive.TransactionalOperator transactions;

	@Test
	void everyDepartmentOfTwentyOrMoreShowsAWeeklyParticipationFigure() throws InterruptedException {
		// the demo history is written in the background after start-up: wait for both,
		// then ingest it
		for (int attempt = 0; attempt < 120 && (this.consumer.drain().block() > 0 || imported() < 2); attempt++) {
			Thread.sleep(500);
		}
		for (String slug : List.of("acme", "globex")) {
			UUID id = this.database.sql("select id from organizations.organization where slug = :slug")
				.bind("slug", slug)
				.map((row, metadata) -> row.get("id", UUID.class))
				.one()
				.block();
			CurrentMember analyst = new CurrentMember(new TenantId(id), slug, UUID.randomUUID(), "Utility", null,
					Set.of(Role.HR_ANALYST), null, null, List.of(), java.time.ZoneOffset.UTC, 5);
			LocalDate today = LocalDate.now();
			ParticipationReport report = this.reports
				.report(analyst, today.minusWeeks(12).toString(), today.minusWeeks(1).toString(), "week", "department",
						null, null)
				.contextWrite(TenantContext.with(new TenantId(id)))
				.block();
			int cells = 0;
			int exact = 0;
			Map<String, int[]> large = new TreeMap<>();
			for (ParticipationReport.Period period : report.periods()) {
				if (!period.released()) {
					continue;
				}
				for (Cell cell : period.groups()) {
					cells++;
					exact += cell.participants().exact() ? 1 : 0;
					if (cell.eligible() >= 20) {
						int[] counts = large.computeIfAbsent(cell.group(), (group) -> new int[3]);
						counts[0]++;
						counts[1] += cell.participants().exact() ? 1 : 0;
						// a range is honest: it holds the true figure, and says how
						// wide it is
						counts[2] = (int) Math.max(counts[2], cell.participants().exact() ? 0
								: cell.participants().high() - cell.participants().low());
					}
				}
			}
			System.out.printf("utility %s: %d of %d department-week cells exact (%.0f %%); departments of 20+: %s%n",
					slug, exact, cells, 100.0 * exact / Math.max(cells, 1),
					large.entrySet()
						.stream()
						.map((e) -> e.getKey() + " exact " + e.getValue()[1] + "/" + e.getValue()[0]
								+ " weeks, widest range " + e.getValue()[2])
						.toList());
			assertThat(cells).as(slug).isPositive();
			assertThat(large.keySet()).as(slug).containsExactlyInAnyOrder("Engineering", "Operations", "Sales");
			assertThat(large.values()).allMatch((counts) -> counts[0] == report.periods()
				.stream()
				.filter(ParticipationReport.Period::released)
				.count());
		}
	}

	/** Demo organizations whose history has reached the release tables' source. */
	private long imported() {
		List<UUID> ids = this.database.sql("select id from organizations.organization where slug in ('acme', 'globex')")
			.map((row, metadata) -> row.get("id", UUID.class))
			.all()
			.collectList()
			.block();
		return ids.stream()
			.filter((id) -> this.database.sql("select count(*) as n from reporting.person_week")
				.map((row, metadata) -> row.get("n", Long.class))
				.one()
				.as(this.transactions::transactional)
				.contextWrite(TenantContext.with(new TenantId(id)))
				.block() > 0)
			.count();
	}

}
