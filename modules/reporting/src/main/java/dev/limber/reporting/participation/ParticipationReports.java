package dev.limber.reporting.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Headcounts;

/**
 * Builds participation reports from the rollups and enforces anonymity: small-cell and
 * complementary suppression, the remainder rule for filters, and the overlap rule across
 * everything already released for the same periods. Cost depends on the cells shown, not
 * on the number of raw events.
 */
@Service
public class ParticipationReports {

	private final DatabaseClient database;

	private final Headcounts headcounts;

	private final TransactionalOperator transactions;

	ParticipationReports(DatabaseClient database, Headcounts headcounts, TransactionalOperator transactions) {
		this.database = database;
		this.headcounts = headcounts;
		this.transactions = transactions;
	}

	public Mono<ParticipationReport> report(CurrentMember analyst, String from, String to, String interval,
			String groupBy, String department, String location) {
		ReportRequest request = ReportRequest.of(from, to, interval, groupBy, department, location);
		int k = analyst.minGroupSize();
		return this.headcounts.activeByDepartmentAndLocation()
			.collectMap((headcount) -> Population.atom(headcount.department(), headcount.location()),
					Headcounts.Headcount::members)
			.flatMap((eligible) -> {
				Population population = new Population(eligible);
				checkRemainder(request, population, k);
				return Mono.zip(figures(request, true), figures(request, false))
					.map((figures) -> assemble(request, population, figures.getT1(), figures.getT2(), k))
					.flatMap((report) -> checkOverlapAndRecord(request, report, population, k).thenReturn(report));
			})
			.as(this.transactions::transactional);
	}

	/** A filter is refused when the rest of the organization is smaller than k. */
	private static void checkRemainder(ReportRequest request, Population population, int k) {
		if (!request.filtered()) {
			return;
		}
		long rest = population.total() - population.size(population.matching(request.department(), request.location()));
		if (rest > 0 && rest < k) {
			throw ApiException.unprocessable("This filter leaves fewer than " + k
					+ " people in the rest of the organization, so the organization total would reveal them.");
		}
	}

	private ParticipationReport assemble(ReportRequest request, Population population, Map<Key, Figures> grouped,
			Map<Key, Figures> totals, int k) {
		Set<String> filterAtoms = population.matching(request.department(), request.location());
		Set<String> groupValues = new TreeSet<>();
		if (request.groupBy() != null) {
			filterAtoms.forEach((atom) -> groupValues.add(Population.part(atom, request.groupBy())));
			grouped.keySet().forEach((key) -> groupValues.add(key.group()));
		}
		List<ParticipationReport.Period> periods = new ArrayList<>();
		for (LocalDate start = request.first(); !start.isAfter(request.last()); start = next(request, start)) {
			Figures all = totals.getOrDefault(new Key(start, ""), Figures.NONE);
			Cell total = Cell.of(null, filterAtoms, all.participants(), population.size(filterAtoms), all.sessions(),
					all.seconds());
			List<Cell> cells = new ArrayList<>();
			for (String value : groupValues) {
				Set<String> atoms = population.within(filterAtoms, request.groupBy(), value);
				Figures figures = grouped.getOrDefault(new Key(start, value), Figures.NONE);
				cells.add(Cell.of(value, atoms, figures.participants(), population.size(atoms), figures.sessions(),
						figures.seconds()));
			}
			Suppression.Result shown = Suppression.apply(total, cells, k);
			periods.add(new ParticipationReport.Period(start, request.periodEnd(start), shown.total(), shown.groups()));
		}
		return new ParticipationReport(request.first(), request.last(), request.interval(), request.groupBy(),
				request.department(), request.location(), k, periods);
	}

	/**
	 * Refuses a report when a population it shows differs by fewer than k people from a
	 * population already released for overlapping periods; otherwise records what it shows.
	 */
	private Mono<Void> checkOverlapAndRecord(ReportRequest request, ParticipationReport report, Population population,
			int k) {
		Set<Set<String>> shown = new HashSet<>();
		report.periods().forEach((period) -> {
			if (!period.total().suppressed()) {
				shown.add(period.total().population());
			}
			period.groups().stream().filter((cell) -> !cell.suppressed()).forEach((cell) -> shown.add(cell.population()));
		});
		return released(request).collectList().flatMap((earlier) -> {
			List<Set<String>> all = new ArrayList<>(earlier);
			all.addAll(shown);
			for (Set<String> candidate : shown) {
				for (Set<String> other : all) {
					long difference = population.size(Population.symmetricDifference(candidate, other));
					if (difference > 0 && difference < k) {
						return Mono.error(ApiException.unprocessable("This report would show a group that differs by fewer than "
								+ k + " people from a group already reported for these periods."));
					}
				}
			}
			return record(request, shown);
		});
	}

	private Flux<Set<String>> released(ReportRequest request) {
		return this.database.sql("""
				select atoms from reporting.released_population
				where first_period <= :last and last_period >= :first""")
			.bind("first", request.first())
			.bind("last", request.last())
			.map((row, metadata) -> (Set<String>) new TreeSet<>(List.of(row.get("atoms", String[].class))))
			.all();
	}

	/** Records every shown population in one statement: atoms flattened, each tagged with its population. */
	private Mono<Void> record(ReportRequest request, Set<Set<String>> shown) {
		if (shown.isEmpty()) {
			return Mono.empty();
		}
		List<String> atoms = new ArrayList<>();
		List<Integer> populations = new ArrayList<>();
		int population = 0;
		for (Set<String> members : shown) {
			for (String atom : new TreeSet<>(members)) {
				atoms.add(atom);
				populations.add(population);
			}
			population++;
		}
		return this.database.sql("""
				insert into reporting.released_population (tenant_id, atoms, first_period, last_period)
				select nullif(current_setting('app.tenant_id', true), '')::uuid, array_agg(atom order by position),
				    :first, :last
				from unnest(:atoms::text[], :populations::int[]) with ordinality as shown(atom, population, position)
				group by population
				on conflict do nothing""")
			.bind("atoms", atoms.toArray(String[]::new))
			.bind("populations", populations.toArray(Integer[]::new))
			.bind("first", request.first())
			.bind("last", request.last())
			.then();
	}

	/** Distinct participants, sessions and seconds per period and group (or per period only). */
	private Mono<Map<Key, Figures>> figures(ReportRequest request, boolean grouped) {
		String group = (grouped && request.groupBy() != null) ? request.groupBy() : "''";
		String unit = request.interval();
		String filter = filterSql(request);
		Mono<Map<Key, Long>> participants = bind(this.database.sql("select date_trunc('" + unit + "', day)::date as period, "
				+ group + " as grp, count(distinct pseudonym) as n from reporting.participant_day "
				+ "where day between :first and :last" + filter + " group by 1, 2"), request)
			.map((row, metadata) -> Map.entry(new Key(row.get("period", LocalDate.class), row.get("grp", String.class)),
					row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<Key, long[]>> activity = bind(this.database.sql("select date_trunc('" + unit + "', day)::date as period, "
				+ group + " as grp, sum(sessions) as sessions, sum(seconds) as seconds from reporting.activity_day "
				+ "where day between :first and :last" + filter + " group by 1, 2"), request)
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

	private static String filterSql(ReportRequest request) {
		return ((request.department() != null) ? " and department = :department" : "")
				+ ((request.location() != null) ? " and location = :location" : "");
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ReportRequest request) {
		DatabaseClient.GenericExecuteSpec bound = spec.bind("first", request.first()).bind("last", request.last());
		if (request.department() != null) {
			bound = bound.bind("department", request.department());
		}
		if (request.location() != null) {
			bound = bound.bind("location", request.location());
		}
		return bound;
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
