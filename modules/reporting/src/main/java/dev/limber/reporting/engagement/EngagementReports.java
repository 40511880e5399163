package dev.limber.reporting.engagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.reporting.participation.Disclosures;
import dev.limber.reporting.participation.Population;
import dev.limber.reporting.participation.ReportRequest;

/**
 * Program funnel, workstation checklist findings and challenge engagement, per fixed
 * calendar period (never a sum over a free date range, which two overlapping ranges could
 * be subtracted from), optionally for one department and/or location. Every count below the
 * organization's minimum group size is suppressed; a filtered group must have at least k
 * people, and the rules of {@link Disclosures} apply as for participation.
 */
@Service
public class EngagementReports {

	private static final String PERIODS = """
			periods as (
			    select p::date as start, (p + ('1 ' || :unit)::interval - interval '1 day')::date as finish
			    from generate_series(:first::date, :last::date, ('1 ' || :unit)::interval) p)""";

	private final DatabaseClient database;

	private final Disclosures disclosures;

	private final TransactionalOperator transactions;

	private final ReadReplica replica;

	/** Rows come from the rollups, so they may be read from a replica; disclosures stay on the primary. */
	EngagementReports(ReadReplica replica, Disclosures disclosures, TransactionalOperator transactions) {
		this.database = replica.database();
		this.disclosures = disclosures;
		this.transactions = transactions;
		this.replica = replica;
	}

	/** One report: its fixed periods, each with rows. */
	public record Report<T>(LocalDate from, LocalDate to, String interval, String department, String location,
			List<PeriodRows<T>> periods) {

		/** The rows of the latest period, for a dashboard that shows where things stand. */
		public List<T> latest() {
			return this.periods.isEmpty() ? List.of() : this.periods.get(this.periods.size() - 1).rows();
		}

	}

	public record PeriodRows<T>(LocalDate start, LocalDate end, List<T> rows) {
	}

	public record Funnel(String program, Count enrolled, Count activeLast14Days, Count completed) {
	}

	public record Finding(String section, Count respondents, Double shareFailing) {
	}

	/** @param shareOfEligible joined participants per active member of the group shown */
	public record ChallengeEngagement(String title, Count joined, Double shareOfEligible) {
	}

	/** A count, or {@code suppressed} with no number. */
	public record Count(Long value, boolean suppressed) {

		static Count of(long value, int k) {
			return (value < k) ? new Count(null, true) : new Count(value, false);
		}

	}

	/** Enrolled and completed in the period; active means logged something in its last 14 days. */
	public Mono<Report<Funnel>> funnel(CurrentMember analyst, ReportRequest request) {
		int k = analyst.minGroupSize();
		return report(analyst, request, (population, eligible) -> bind(this.database.sql("with " + PERIODS + """
				, pp as (select * from reporting.program_participant where true""" + request.filterSql() + """
				)
				select periods.start, pp.program,
				    count(*) filter (where pp.enrolled_on between periods.start and periods.finish) as enrolled,
				    count(*) filter (where pp.enrolled_on <= periods.finish and exists (
				        select 1 from reporting.participant_day d
				        where d.tenant_id = pp.tenant_id and d.pseudonym = pp.pseudonym
				          and d.day between periods.finish - 13 and periods.finish)) as active,
				    count(*) filter (where pp.completed_on between periods.start and periods.finish) as completed
				from periods cross join pp group by 1, 2 order by 1, 2"""), request)
			.map((row, metadata) -> period(row, new Funnel(row.get("program", String.class),
					Count.of(row.get("enrolled", Long.class), k), Count.of(row.get("active", Long.class), k),
					Count.of(row.get("completed", Long.class), k))))
			.all()
			.collectList());
	}

	/** Distinct respondents per section and the share of them whose answers need a fix. */
	public Mono<Report<Finding>> checklistFindings(CurrentMember analyst, ReportRequest request) {
		int k = analyst.minGroupSize();
		return report(analyst, request, (population, eligible) -> bind(this.database.sql("""
				select date_trunc(:unit, day)::date as start, section, count(distinct pseudonym) as respondents,
				    count(distinct pseudonym) filter (where failed) as failing
				from reporting.checklist_answer_day where day between :first and :last""" + request.filterSql() + """
				 group by 1, 2 order by 1, 2"""), request)
			.map((row, metadata) -> {
				long respondents = row.get("respondents", Long.class);
				Count count = Count.of(respondents, k);
				return period(row, new Finding(row.get("section", String.class), count, count.suppressed() ? null
						: Math.round(1000.0 * row.get("failing", Long.class) / respondents) / 1000.0));
			})
			.all()
			.collectList());
	}

	/** Distinct members who joined each challenge in the period. */
	public Mono<Report<ChallengeEngagement>> challenges(CurrentMember analyst, ReportRequest request) {
		int k = analyst.minGroupSize();
		return report(analyst, request, (population, eligible) -> bind(this.database.sql("""
				select date_trunc(:unit, joined_on)::date as start, challenge_id, min(title) as title, count(*) as joined
				from reporting.challenge_participant where joined_on between :first and :last""" + request.filterSql() + """
				 group by 1, 2 order by 1, 3"""), request)
			.map((row, metadata) -> {
				Count joined = Count.of(row.get("joined", Long.class), k);
				Double share = (joined.suppressed() || eligible == 0) ? null
						: Math.round(1000.0 * joined.value() / eligible) / 1000.0;
				return period(row, new ChallengeEngagement(row.get("title", String.class), joined, share));
			})
			.all()
			.collectList());
	}

	private <T> Mono<Report<T>> report(CurrentMember analyst, ReportRequest request,
			BiFunction<Population, Long, Mono<List<Map.Entry<LocalDate, T>>>> rows) {
		if (request.groupBy() != null) {
			return Mono.error(ApiException.badRequest("groupBy is not available here; filter by department or location."));
		}
		int k = analyst.minGroupSize();
		return this.disclosures.population().flatMap((population) -> {
			Set<String> shown = population.matching(request.department(), request.location());
			long eligible = population.size(shown);
			if (request.filtered() && eligible < k) {
				return Mono.error(ApiException.unprocessable(
						"This filter selects fewer than " + k + " people; it cannot be reported on its own.",
						"problem.detail.small-group", k));
			}
			this.disclosures.checkRemainder(request, population, k);
			return rows.apply(population, eligible)
				.as(this.replica.transactions()::transactional)
				.flatMap((found) -> this.disclosures.checkOverlapAndRecord(request, List.of(shown), population, k)
					.thenReturn(assemble(request, found)));
		}).as(this.transactions::transactional);
	}

	private static <T> Report<T> assemble(ReportRequest request, List<Map.Entry<LocalDate, T>> found) {
		Map<LocalDate, List<T>> byPeriod = new TreeMap<>();
		for (LocalDate start = request.first(); !start.isAfter(request.last()); start = next(request, start)) {
			byPeriod.put(start, new ArrayList<>());
		}
		found.forEach((entry) -> byPeriod.computeIfAbsent(entry.getKey(), (start) -> new ArrayList<>())
			.add(entry.getValue()));
		List<PeriodRows<T>> periods = byPeriod.entrySet()
			.stream()
			.map((period) -> new PeriodRows<>(period.getKey(), request.periodEnd(period.getKey()), period.getValue()))
			.toList();
		return new Report<>(request.first(), request.last(), request.interval(), request.department(),
				request.location(), periods);
	}

	private static <T> Map.Entry<LocalDate, T> period(Readable row, T value) {
		return Map.entry(row.get("start", LocalDate.class), value);
	}

	private static LocalDate next(ReportRequest request, LocalDate start) {
		return request.interval().equals("week") ? start.plusWeeks(1) : start.plusMonths(1);
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, ReportRequest request) {
		return request.bindTo(spec).bind("unit", request.interval());
	}

}
