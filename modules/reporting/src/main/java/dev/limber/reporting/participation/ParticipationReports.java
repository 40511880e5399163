package dev.limber.reporting.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.ReadReplica;
import dev.limber.organizations.CurrentMember;

/**
 * Builds participation reports from the rollups and enforces anonymity: small-cell and
 * complementary suppression, the remainder rule for filters, and the overlap rule across
 * everything already released for the same periods. Cost depends on the cells shown, not
 * on the number of raw events.
 */
@Service
public class ParticipationReports {

	private final Disclosures disclosures;

	private final HeadcountHistory history;

	private final TransactionalOperator transactions;

	private final ReadReplica replica;

	ParticipationReports(Disclosures disclosures, HeadcountHistory history, TransactionalOperator transactions,
			ReadReplica replica) {
		this.history = history;
		this.disclosures = disclosures;
		this.transactions = transactions;
		this.replica = replica;
	}

	public Mono<ParticipationReport> report(CurrentMember analyst, String from, String to, String interval,
			String groupBy, String department, String location) {
		ReportRequest request = ReportRequest.of(from, to, interval, groupBy, department, location);
		int k = analyst.minGroupSize();
		return this.disclosures.population()
			.flatMap((population) -> {
				this.disclosures.checkRemainder(request, population, k);
				// both figure queries in one read-only transaction on the replica (or the primary)
				return Mono.zip(figures(request, true), figures(request, false))
					.as(this.replica.transactions()::transactional)
					.zipWhen((figures) -> this.history.asOf(request, population))
					.map((found) -> assemble(request, population, found.getT2(), found.getT1().getT1(),
							found.getT1().getT2(), k))
					.flatMap((report) -> this.disclosures.checkOverlapAndRecord(request, shown(report), population, k)
						.thenReturn(report));
			})
			.as(this.transactions::transactional);
	}

	/**
	 * @param population today's eligible people: which groups exist
	 * @param history the eligible people at each period's end: how many each group had then
	 */
	private ParticipationReport assemble(ReportRequest request, Population population,
			HeadcountHistory.PopulationAsOf history, Map<Key, Figures> grouped, Map<Key, Figures> totals, int k) {
		Set<String> filterAtoms = population.matching(request.department(), request.location());
		Set<String> groupValues = new TreeSet<>();
		if (request.groupBy() != null) {
			filterAtoms.forEach((atom) -> groupValues.add(Population.part(atom, request.groupBy())));
			grouped.keySet().forEach((key) -> groupValues.add(key.group()));
		}
		Map<String, Set<String>> groupAtoms = new HashMap<>();
		groupValues.forEach((value) -> groupAtoms.put(value, population.within(filterAtoms, request.groupBy(), value)));
		List<ParticipationReport.Period> periods = new ArrayList<>();
		for (LocalDate start = request.first(); !start.isAfter(request.last()); start = next(request, start)) {
			Population then = history.at(request.periodEnd(start));
			Figures all = totals.getOrDefault(new Key(start, ""), Figures.NONE);
			Cell total = Cell.of(null, filterAtoms, all.participants(), then.size(filterAtoms), all.sessions(),
					all.seconds());
			List<Cell> cells = new ArrayList<>();
			for (String value : groupValues) {
				Set<String> atoms = groupAtoms.get(value);
				Figures figures = grouped.getOrDefault(new Key(start, value), Figures.NONE);
				cells.add(Cell.of(value, atoms, figures.participants(), then.size(atoms), figures.sessions(),
						figures.seconds()));
			}
			Suppression.Result shown = Suppression.apply(total, cells, k);
			periods.add(new ParticipationReport.Period(start, request.periodEnd(start), shown.total(), shown.groups()));
		}
		return new ParticipationReport(request.first(), request.last(), request.interval(), request.groupBy(),
				request.department(), request.location(), k, periods);
	}

	/** Every population the report shows, for the overlap rule. */
	private static Set<Set<String>> shown(ParticipationReport report) {
		Set<Set<String>> shown = new HashSet<>();
		report.periods().forEach((period) -> {
			if (!period.total().suppressed()) {
				shown.add(period.total().population());
			}
			period.groups().stream().filter((cell) -> !cell.suppressed()).forEach((cell) -> shown.add(cell.population()));
		});
		return shown;
	}

	/**
	 * Distinct participants, sessions and seconds per period and group (or per period only),
	 * from the rollups on the read replica. Released populations stay on the primary.
	 */
	private Mono<Map<Key, Figures>> figures(ReportRequest request, boolean grouped) {
		String group = (grouped && request.groupBy() != null) ? request.groupBy() : "''";
		String unit = request.interval();
		String filter = request.filterSql();
		DatabaseClient rollups = this.replica.database();
		// Participants, sessions and seconds were counted per period as they arrived: read, do not recount.
		Mono<Map<Key, Long>> participants = request.bindTo(rollups.sql("select period, " + group
				+ " as grp, sum(participants)::bigint as n from reporting.period_participation "
				+ "where unit = '" + unit + "' and period between :first and :last" + filter + " group by 1, 2"))
			.map((row, metadata) -> Map.entry(new Key(row.get("period", LocalDate.class), row.get("grp", String.class)),
					row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<Key, long[]>> activity = request.bindTo(rollups.sql("select period, " + group
				+ " as grp, sum(sessions) as sessions, sum(seconds) as seconds from reporting.period_activity "
				+ "where unit = '" + unit + "' and period between :first and :last" + filter + " group by 1, 2"))
			.map((row, metadata) -> Map.entry(new Key(row.get("period", LocalDate.class), row.get("grp", String.class)),
					new long[] { row.get("sessions", Number.class).longValue(),
							row.get("seconds", Number.class).longValue() }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return Mono.zip(participants, activity).map((both) -> {
			Map<Key, Figures> figures = new HashMap<>();
			both.getT1().forEach((key, n) -> {
				long[] totals = both.getT2().getOrDefault(key, new long[2]);
				figures.put(key, new Figures(n, totals[0], totals[1]));
			});
			return figures;
		});
	}

	private static LocalDate next(ReportRequest request, LocalDate start) {
		return request.interval().equals("week") ? start.plusWeeks(1) : start.plusMonths(1);
	}

	record Key(LocalDate period, String group) {
	}

	record Figures(long participants, long sessions, long seconds) {

		static final Figures NONE = new Figures(0, 0, 0);

	}


}
