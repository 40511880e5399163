package dev.limber.reporting.release;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.limber.kernel.problem.ApiException;

/**
 * A report request, snapped to the one time grid: ISO weeks, or months of whole ISO weeks
 * ({@link ReleaseCalendar}). {@code first} and {@code last} are period keys: a Monday, or
 * the first day of a month.
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
		LocalDate first = key(unit, start);
		LocalDate last = key(unit, end);
		long periods = unit.equals("week") ? ChronoUnit.WEEKS.between(first, last) + 1
				: ChronoUnit.MONTHS.between(first, last) + 1;
		if (periods > MAX_PERIODS) {
			throw ApiException.badRequest("At most " + MAX_PERIODS + " periods per request.");
		}
		return new ReportRequest(first, last, unit, groupBy, blankToNull(department), blankToNull(location));
	}

	private static LocalDate key(String unit, LocalDate day) {
		LocalDate week = ReleaseCalendar.week(day);
		return unit.equals("week") ? week : ReleaseCalendar.monthOfWeek(week);
	}

	/** The keys of every period asked for, in order. */
	public List<LocalDate> periods() {
		List<LocalDate> periods = new ArrayList<>();
		for (LocalDate key = this.first; !key.isAfter(this.last); key = this.interval.equals("week") ? key.plusWeeks(1)
				: key.plusMonths(1)) {
			periods.add(key);
		}
		return periods;
	}

	public LocalDate from() {
		return ReleaseCalendar.start(this.interval, this.first);
	}

	public LocalDate to() {
		return ReleaseCalendar.end(this.interval, this.last);
	}

	public boolean filtered() {
		return this.department != null || this.location != null;
	}

	/**
	 * The population asked for, for the audit trail: its filter and grouping, never a
	 * value.
	 */
	public String population() {
		return "department=" + ((this.department != null) ? this.department : "*") + ", location="
				+ ((this.location != null) ? this.location : "*")
				+ ((this.groupBy != null) ? ", groupBy=" + this.groupBy : "");
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
