package dev.limber.reporting.engagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.reporting.release.ReleaseGate;
import dev.limber.reporting.release.ReleasedPeriod;
import dev.limber.reporting.release.ReportRequest;
import dev.limber.reporting.release.Shown;

/**
 * Program funnel, workstation checklist findings and challenge engagement per closed week
 * or month, for the whole organization or a population of whole cells, made only of what
 * {@link ReleaseGate} releases. Every program, section and challenge ever reported has
 * its row in every released period, so a row never tells zero from small.
 */
@Service
public class EngagementReports {

	private final ReleaseGate gate;

	EngagementReports(ReleaseGate gate) {
		this.gate = gate;
	}

	/**
	 * One report: its periods, each with rows (none while the period is not released).
	 */
	public record Report<T>(LocalDate from, LocalDate to, String interval, String department, String location,
			List<PeriodRows<T>> periods) {

		/**
		 * The latest released period, for a dashboard that shows where things stand; null
		 * if none.
		 */
		public PeriodRows<T> latest() {
			for (int i = this.periods.size() - 1; i >= 0; i--) {
				if (this.periods.get(i).released()) {
					return this.periods.get(i);
				}
			}
			return null;
		}

	}

	public record PeriodRows<T>(LocalDate start, LocalDate end, boolean released, List<T> rows) {
	}

	/**
	 * Enrolled and completed in the period; active means logged something in its last 14
	 * days.
	 */
	public record Funnel(String program, Shown enrolled, Shown activeLast14Days, Shown completed) {
	}

	/**
	 * @param shareFailing failing per respondent, when both are exact
	 */
	public record Finding(String section, Shown respondents, Shown failing, Double shareFailing) {
	}

	/**
	 * @param shareOfEligible joined per member of the population shown
	 */
	public record ChallengeEngagement(String title, Shown joined, Shown.Rate shareOfEligible) {
	}

	public Mono<Report<Funnel>> funnel(CurrentMember analyst, ReportRequest request) {
		return report(analyst, "programs", request, List.of("enrolled", "completed", "active"),
				(period, subject) -> new Funnel(subject.getKey(),
						period.figures().shown("enrolled", subject.getKey(), period.cells()),
						period.figures().shown("active", subject.getKey(), period.cells()),
						period.figures().shown("completed", subject.getKey(), period.cells())));
	}

	public Mono<Report<Finding>> checklistFindings(CurrentMember analyst, ReportRequest request) {
		return report(analyst, "checklists", request, List.of("respondents", "failing"), (period, subject) -> {
			Shown respondents = period.figures().shown("respondents", subject.getKey(), period.cells());
			Shown failing = period.figures().shown("failing", subject.getKey(), period.cells());
			Double share = (respondents.exact() && failing.exact() && respondents.value() > 0)
					? Math.round(1000.0 * failing.value() / respondents.value()) / 1000.0 : null;
			return new Finding(subject.getKey(), respondents, failing, share);
		});
	}

	public Mono<Report<ChallengeEngagement>> challenges(CurrentMember analyst, ReportRequest request) {
		return report(analyst, "challenges", request, List.of("joined"), (period, subject) -> {
			Shown joined = period.figures().shown("joined", subject.getKey(), period.cells());
			return new ChallengeEngagement(subject.getValue(), joined,
					Shown.Rate.of(joined, period.figures().members(period.cells())));
		});
	}

	private <T> Mono<Report<T>> report(CurrentMember analyst, String name, ReportRequest request, List<String> figures,
			BiFunction<ReleaseGate.Period, Map.Entry<String, String>, T> row) {
		if (request.groupBy() != null) {
			return Mono
				.error(ApiException.badRequest("groupBy is not available here; filter by department or location."));
		}
		return this.gate.release(analyst, name, request, figures)
			.zipWhen((release) -> this.gate.subjects(figures))
			.map((found) -> {
				List<PeriodRows<T>> periods = new ArrayList<>();
				for (ReleaseGate.Period period : found.getT1().periods()) {
					ReleasedPeriod figuresOf = period.figures();
					List<T> rows = new ArrayList<>();
					if (figuresOf.released()) {
						Set<Map.Entry<String, String>> subjects = new java.util.TreeMap<>(found.getT2()).entrySet();
						subjects.forEach((subject) -> rows.add(row.apply(period, subject)));
					}
					periods.add(new PeriodRows<>(figuresOf.start(), figuresOf.end(), figuresOf.released(), rows));
				}
				return new Report<>(request.from(), request.to(), request.interval(), request.department(),
						request.location(), periods);
			});
	}

}
