package dev.limber.reporting.participation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.limber.kernel.problem.ApiException;

/**
 * A participation report request, snapped to whole calendar buckets (ISO weeks starting on
 * Monday, or months) so that sliding windows cannot single anyone out.
 */
public record ReportRequest(LocalDate first, LocalDate last, String interval, String groupBy, String department,
		String location) {

	static final int MAX_PERIODS = 60;

	public static ReportRequest of(String from, String to, String interval, String groupBy, String department,
			String location) {
		String unit = (interval == null) ? "week" : interval;
		if (!unit.equals("week") && !unit.equals("month")) {
			throw ApiException.badRequest("interval must be week or month.");
		}
		if (groupBy != null && !groupBy.equals("department") && !groupBy.equals("location")) {
			throw ApiException.badRequest("groupBy must be department or location.");
		}
		LocalDate start = parse("from", from);
		LocalDate end = parse("to", to);
		if (end.isBefore(start)) {
			throw ApiException.badRequest("to must not be before from.");
		}
		LocalDate first = unit.equals("week") ? start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: start.withDayOfMonth(1);
		LocalDate last = unit.equals("week") ? end.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
				: end.with(TemporalAdjusters.lastDayOfMonth());
		long periods = unit.equals("week") ? ChronoUnit.WEEKS.between(first, last.plusDays(1))
				: ChronoUnit.MONTHS.between(first, last.plusDays(1));
		if (periods > MAX_PERIODS) {
			throw ApiException.badRequest("At most " + MAX_PERIODS + " periods per request.");
		}
		return new ReportRequest(first, last, unit, groupBy, blankToNull(department), blankToNull(location));
	}

	/** SQL conditions of the filter, with spaces around them to join query text. */
	public String filterSql() {
		return " " + ((this.department != null) ? "and department = :department " : "")
				+ ((this.location != null) ? "and location = :location " : "");
	}

	/** Binds {@code :first}, {@code :last} and the filter's parameters. */
	public DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
		DatabaseClient.GenericExecuteSpec bound = spec.bind("first", this.first).bind("last", this.last);
		if (this.department != null) {
			bound = bound.bind("department", this.department);
		}
		if (this.location != null) {
			bound = bound.bind("location", this.location);
		}
		return bound;
	}

	public boolean filtered() {
		return this.department != null || this.location != null;
	}

	public LocalDate periodEnd(LocalDate periodStart) {
		return this.interval.equals("week") ? periodStart.plusDays(6) : periodStart.with(TemporalAdjusters.lastDayOfMonth());
	}

	private static LocalDate parse(String name, String value) {
		if (value == null) {
			throw ApiException.badRequest(name + " is required (yyyy-mm-dd).");
		}
		try {
			return LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw ApiException.badRequest(name + " must be a date (yyyy-mm-dd).");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
