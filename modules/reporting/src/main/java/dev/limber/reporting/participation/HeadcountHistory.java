package dev.limber.reporting.participation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.organizations.Headcounts;

/**
 * Daily snapshots of the eligible headcount, read in the caller's tenant transaction. A
 * period still running is measured against today's headcount; a past period against the
 * last snapshot taken by its end, or the earliest one there is, or today's headcount.
 */
@Component
public class HeadcountHistory {

	private final DatabaseClient database;

	private final Headcounts headcounts;

	HeadcountHistory(DatabaseClient database, Headcounts headcounts) {
		this.database = database;
		this.headcounts = headcounts;
	}

	/** Records today's headcount of the current tenant, once per day. */
	public Mono<Void> snapshot(LocalDate today) {
		return this.headcounts.activeByDepartmentAndLocation().collectList().flatMap((rows) -> this.database.sql("""
				insert into reporting.headcount_day (tenant_id, day, department, location, members)
				select nullif(current_setting('app.tenant_id', true), '')::uuid, :day, department, location, members
				from unnest(:departments::text[], :locations::text[], :members::bigint[]) as h(department, location, members)
				on conflict do nothing""")
			.bind("day", today)
			.bind("departments", rows.stream().map(Headcounts.Headcount::department).toArray(String[]::new))
			.bind("locations", rows.stream().map(Headcounts.Headcount::location).toArray(String[]::new))
			.bind("members", rows.stream().map(Headcounts.Headcount::members).toArray(Long[]::new))
			.then());
	}

	/**
	 * The eligible population as of each period end of the request; {@code current} where no
	 * snapshot is older. Reads only the snapshots from the one in force at the first period's
	 * end onwards, however long the history.
	 */
	Mono<PopulationAsOf> asOf(ReportRequest request, Population current) {
		return this.database.sql("""
				select day, department, location, members from reporting.headcount_day
				where day <= :last and day >= coalesce(
				    (select max(day) from reporting.headcount_day where day <= :firstEnd), '-infinity'::date)
				order by day""")
			.bind("last", request.last())
			.bind("firstEnd", request.periodEnd(request.first()))
			.map((row, metadata) -> new Snapshot(row.get("day", LocalDate.class),
					Population.atom(row.get("department", String.class), row.get("location", String.class)),
					row.get("members", Long.class)))
			.all()
			.collectList()
			.map((rows) -> new PopulationAsOf(byDay(rows), current, LocalDate.now(java.time.ZoneOffset.UTC)));
	}

	private static NavigableMap<LocalDate, Population> byDay(List<Snapshot> rows) {
		Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
		rows.forEach((row) -> days.computeIfAbsent(row.day(), (day) -> new HashMap<>()).put(row.atom(), row.members()));
		NavigableMap<LocalDate, Population> populations = new TreeMap<>();
		days.forEach((day, eligible) -> populations.put(day, new Population(eligible)));
		return populations;
	}

	private record Snapshot(LocalDate day, String atom, long members) {
	}

	/** Looks up the population a period is measured against. */
	record PopulationAsOf(NavigableMap<LocalDate, Population> snapshots, Population current, LocalDate today) {

		Population at(LocalDate periodEnd) {
			if (!periodEnd.isBefore(this.today)) {
				return this.current;
			}
			Map.Entry<LocalDate, Population> before = this.snapshots.floorEntry(periodEnd);
			if (before != null) {
				return before.getValue();
			}
			Map.Entry<LocalDate, Population> earliest = this.snapshots.firstEntry();
			return (earliest != null) ? earliest.getValue() : this.current;
		}

	}

}
