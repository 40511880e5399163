package dev.limber.reporting.participation;

import java.time.LocalDate;
import java.util.List;

/** Participation per calendar period, optionally split by department or location. */
public record ParticipationReport(LocalDate from, LocalDate to, String interval, String groupBy, String department,
		String location, int minGroupSize, List<Period> periods) {

	public record Period(LocalDate start, LocalDate end, Cell total, List<Cell> groups) {
	}

}
