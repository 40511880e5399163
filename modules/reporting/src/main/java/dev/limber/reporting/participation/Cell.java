package dev.limber.reporting.participation;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One figure set of a report: a group (or the total) in one period. A suppressed cell
 * carries no numbers at all, only {@code suppressed: true}.
 */
public record Cell(String group, boolean suppressed, Long participants, Long eligible, Double participationRate,
		Long sessions, Long minutes, Double sessionsPerParticipant, Double minutesPerParticipant,
		@JsonIgnore Set<String> population, @JsonIgnore long rawParticipants, @JsonIgnore long rawEligible,
		@JsonIgnore long rawSessions, @JsonIgnore long rawSeconds) {

	static Cell of(String group, Set<String> population, long participants, long eligible, long sessions,
			long seconds) {
		return new Cell(group, false, participants, eligible, null, null, null, null, null, population, participants,
				eligible, sessions, seconds).withFigures();
	}

	private Cell withFigures() {
		long minutes = Math.round(this.rawSeconds / 60.0);
		return new Cell(this.group, false, this.rawParticipants, this.rawEligible,
				(this.rawEligible > 0) ? round(this.rawParticipants / (double) this.rawEligible) : null,
				this.rawSessions, minutes,
				(this.rawParticipants > 0) ? round(this.rawSessions / (double) this.rawParticipants) : null,
				(this.rawParticipants > 0) ? round(minutes / (double) this.rawParticipants) : null, this.population,
				this.rawParticipants, this.rawEligible, this.rawSessions, this.rawSeconds);
	}

	/** A CSS class for heatmaps: {@code suppressed}, or {@code heat-0} to {@code heat-4} by rate. */
	public String heat() {
		if (this.suppressed) {
			return "suppressed";
		}
		double rate = (this.participationRate != null) ? this.participationRate : 0;
		return "heat-" + Math.min(4, (int) (rate * 5));
	}

	Cell suppress() {
		return new Cell(this.group, true, null, null, null, null, null, null, null, this.population,
				this.rawParticipants, this.rawEligible, this.rawSessions, this.rawSeconds);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
