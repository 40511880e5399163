package dev.limber.reporting.release;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.DatabaseFailures;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.AuditTrail;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Headcounts;
import dev.limber.reporting.release.ReleaseTables.CellFigures;
import dev.limber.reporting.release.ReleaseTables.FigureKey;
import dev.limber.reporting.release.ReleaseTables.Partition;

/**
 * The one gate every figure HR or an org admin sees passes (docs/privacy.md). It has the
 * release tables of the closed periods asked for built (with the organization's k as
 * stored now, for periods not yet frozen; a period whose build takes longer than the
 * request may wait is not released yet), answers a population only when it is a union of
 * whole cells in every period (a decision that depends on headcounts alone), and records
 * the release or the refusal in the organization's audit trail.
 */
@Service
public class ReleaseGate {

	private final ReleaseTables tables;

	private final ReleaseBuilds builds;

	private final Duration buildWait;

	private final ReleaseCalendar calendar;

	private final Headcounts headcounts;

	private final AuditTrail audit;

	private final TransactionalOperator transactions;

	private final ReadReplica replica;

	private final DatabaseClient primary;

	ReleaseGate(ReleaseTables tables, ReleaseBuilds builds, ReleaseCalendar calendar, Headcounts headcounts,
			AuditTrail audit, TransactionalOperator transactions, DatabaseClient database, ReadReplica replica,
			@Value("${limber.reporting.release.build-wait:4s}") Duration buildWait) {
		this.builds = builds;
		this.buildWait = buildWait;
		this.replica = replica;
		this.primary = database;
		this.tables = tables;
		this.calendar = calendar;
		this.headcounts = headcounts;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * What a report may show: per period, the population's cells and how to show their
	 * figures.
	 */
	public record Release(ReportRequest request, int minGroupSize, List<Period> periods) {
	}

	/** One period: the cells of the population asked for (empty when not released). */
	public record Period(ReleasedPeriod figures, Set<Integer> cells) {
	}

	/**
	 * Releases the figures a report needs, or refuses with 422.
	 * @param report the report's name in the audit trail
	 */
	public Mono<Release> release(CurrentMember actor, String report, ReportRequest request, List<String> figures) {
		List<LocalDate> closed = request.periods()
			.stream()
			.filter((key) -> this.calendar.closed(request.interval(), key))
			.toList();
		// the k shown is the one the actor's sign-in carries (at most a minute old, each
		// period says the k it was built with); a build reads the stored one
		return read(request, closed, figures)
			.flatMap((periods) -> answer(actor, report, request, actor.minGroupSize(), periods)
				.as(this.transactions::transactional))
			.onErrorResume(ApiException.class,
					(refusal) -> record(actor, "report.refused", report, request).as(this.transactions::transactional)
						.then(Mono.error(refusal)));
	}

	private Mono<Release> answer(CurrentMember actor, String report, ReportRequest request, int k,
			List<ReleasedPeriod> periods) {
		List<Period> answered = new ArrayList<>();
		for (ReleasedPeriod period : periods) {
			if (!period.released()) {
				answered.add(new Period(period, Set.of()));
				continue;
			}
			Set<Integer> cells = period.cells(request.department(), request.location());
			if (cells == null) {
				return Mono.error(ApiException
					.unprocessable("This filter does not match whole groups of at least " + period.minGroupSize()
							+ " people; filter by a department, or by a location or pair that is" + " its own group.",
							"problem.detail.not-whole-cells", period.minGroupSize()));
			}
			answered.add(new Period(period, cells));
		}
		return record(actor, "report.released", report, request).thenReturn(new Release(request, k, answered));
	}

	private Mono<Void> record(CurrentMember actor, String action, String report, ReportRequest request) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("population", request.population());
		details.put("interval", request.interval());
		details.put("from", request.from().toString());
		details.put("to", request.to().toString());
		return this.audit.record(actor.memberId(), action, report, details);
	}

	/**
	 * Reads the released periods, usually in one transaction on the replica. When the
	 * replica does not hold every closed period (not built yet, or built a moment ago and
	 * not replicated), whatever is missing is built outside the request, waiting for it
	 * at most the build wait, and the periods are read from the primary: one not finished
	 * in time shows as not released yet.
	 */
	private Mono<List<ReleasedPeriod>> read(ReportRequest request, List<LocalDate> closed, List<String> figures) {
		Mono<List<ReleasedPeriod>> fromReplica = readIn(this.replica.database(), request, closed, figures, true)
			.as(this.replica.transactions()::transactional)
			// a replica that cannot answer is no reason to refuse what the primary can
			.onErrorResume(DatabaseFailures::isUnavailable, (failure) -> Mono.empty());
		Mono<Void> built = this.headcounts.minGroupSize()
			.as(this.transactions::transactional)
			.zipWith(TenantContext.require())
			.flatMap((found) -> this.builds.build(found.getT2(), request.interval(), closed, found.getT1()));
		return fromReplica.switchIfEmpty(Mono.defer(() -> built.timeout(this.buildWait, Mono.empty())
			.then(readIn(this.primary, request, closed, figures, false).as(this.transactions::transactional))));
	}

	/**
	 * Reads the released periods of a report in the caller's transaction; with
	 * {@code complete}, reads nothing and completes empty unless every closed period is
	 * built.
	 */
	private Mono<List<ReleasedPeriod>> readIn(DatabaseClient database, ReportRequest request, List<LocalDate> closed,
			List<String> figures, boolean complete) {
		String unit = request.interval();
		Set<LocalDate> months = new LinkedHashSet<>();
		closed.forEach((key) -> months.add(ReleaseCalendar.month(unit, key)));
		List<LocalDate> weeks = new ArrayList<>();
		if (unit.equals("month")) {
			closed.forEach((month) -> weeks.addAll(ReleaseCalendar.weeks(month)));
		}
		Mono<Map<LocalDate, Partition>> partitions = months.isEmpty() ? Mono.just(Map.of())
				: this.tables.partitions(database, months);
		Mono<List<CellFigures>> own = closed.isEmpty() ? Mono.just(List.of())
				: this.tables.figures(database, unit, closed, figures).collectList();
		Mono<List<CellFigures>> weekly = weeks.isEmpty() ? Mono.just(List.of())
				: this.tables.figures(database, "week", weeks, figures).collectList();
		// a closed period whose build has not finished is not released (its month may
		// be frozen already)
		Mono<List<ReleaseBuilds.Period>> unbuilt = closed.isEmpty() ? Mono.just(List.of())
				: this.tables.missing(database, ReleaseBuilds.periods(unit, closed));
		// one query after the other: a connection serves one result at a time
		return unbuilt.filter((missing) -> !complete || missing.isEmpty())
			.flatMap(
					(missing) -> partitions.flatMap((found) -> own.flatMap((ownFigures) -> weekly.map((weekFigures) -> {
						Map<LocalDate, Map<FigureKey, CellFigures>> byPeriod = index(ownFigures);
						Map<LocalDate, Map<FigureKey, CellFigures>> byWeek = index(weekFigures);
						List<ReleasedPeriod> periods = new ArrayList<>();
						for (LocalDate key : request.periods()) {
							if (!closed.contains(key) || missing.contains(new ReleaseBuilds.Period(unit, key))) {
								periods.add(ReleasedPeriod.notReleased(unit, key, closed.contains(key)));
								continue;
							}
							Partition partition = found.get(ReleaseCalendar.month(unit, key));
							List<ReleasedPeriod> ofWeeks = new ArrayList<>();
							if (unit.equals("month")) {
								ReleaseCalendar.weeks(key)
									.forEach((week) -> ofWeeks.add(new ReleasedPeriod("week", week, partition,
											byWeek.getOrDefault(week, Map.of()), List.of())));
							}
							periods.add(new ReleasedPeriod(unit, key, partition, byPeriod.getOrDefault(key, Map.of()),
									ofWeeks));
						}
						return periods;
					}))));
	}

	private static Map<LocalDate, Map<FigureKey, CellFigures>> index(List<CellFigures> figures) {
		Map<LocalDate, Map<FigureKey, CellFigures>> index = new HashMap<>();
		figures.forEach((figure) -> index.computeIfAbsent(figure.period(), (period) -> new HashMap<>())
			.put(figure.key(), figure));
		return index;
	}

	/**
	 * Programs, sections or challenges ever reported, so every one has its row in every
	 * period.
	 */
	public Mono<Map<String, String>> subjects(List<String> figures) {
		return this.tables.subjects(this.primary, figures).as(this.transactions::transactional);
	}

}
