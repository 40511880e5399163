package dev.limber.reporting.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.limber.organizations.CurrentMember;
import dev.limber.reporting.release.ReleaseGate;
import dev.limber.reporting.release.ReleasedPeriod;
import dev.limber.reporting.release.ReportRequest;
import dev.limber.reporting.release.Shown;

/**
 * Participation reports, made only of what {@link ReleaseGate} releases: per closed
 * period, the population's cells and the displays of their figures. Reads stored tables
 * only, so its cost does not grow with the number of raw events.
 */
@Service
public class ParticipationReports {

	private static final List<String> FIGURES = List.of("participants", "sessions", "seconds");

	private final ReleaseGate gate;

	ParticipationReports(ReleaseGate gate) {
		this.gate = gate;
	}

	public Mono<ParticipationReport> report(CurrentMember analyst, String from, String to, String interval,
			String groupBy, String department, String location) {
		ReportRequest request = ReportRequest.of(from, to, interval, groupBy, department, location);
		return this.gate.release(analyst, "participation", request, FIGURES).map(ParticipationReports::assemble);
	}

	private static ParticipationReport assemble(ReleaseGate.Release release) {
		ReportRequest request = release.request();
		List<ParticipationReport.Period> periods = new ArrayList<>();
		for (ReleaseGate.Period period : release.periods()) {
			ReleasedPeriod figures = period.figures();
			if (!figures.released()) {
				periods.add(new ParticipationReport.Period(figures.start(), figures.end(), false, figures.preparing(),
						null, null, List.of()));
				continue;
			}
			List<Cell> groups = new ArrayList<>();
			if (request.groupBy() != null) {
				figures.groups(period.cells(), request.groupBy())
					.forEach((group) -> groups.add(cell(group.label(), figures, group.cells())));
			}
			periods.add(new ParticipationReport.Period(figures.start(), figures.end(), true, false,
					figures.minGroupSize(), cell(null, figures, period.cells()), groups));
		}
		return new ParticipationReport(request.from(), request.to(), request.interval(), request.groupBy(),
				request.department(), request.location(), release.minGroupSize(), periods);
	}

	private static Cell cell(String label, ReleasedPeriod figures, Set<Integer> cells) {
		long eligible = figures.members(cells);
		Shown participants = figures.shown("participants", "", cells);
		Shown seconds = figures.shown("seconds", "", cells);
		Shown minutes = seconds.exact() ? new Shown(Math.round(seconds.value() / 60.0), null, null)
				: new Shown(null, seconds.low() / 60, (seconds.high() == null) ? null : (seconds.high() + 59) / 60);
		return new Cell(label, eligible, participants, Shown.Rate.of(participants, eligible),
				figures.shown("sessions", "", cells), minutes);
	}

}
