package dev.limber.reporting.release;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * One time grid for every report: ISO weeks (Monday to Sunday), and months made of whole
 * ISO weeks (the weeks whose Thursday falls in the calendar month), so a month's additive
 * figures are exactly the sum of its weeks'. A period is closed once no event can still
 * arrive for it: activities may be backdated 72 hours, so four days after its last day.
 */
@Component
public class ReleaseCalendar {

	static final int DAYS_UNTIL_CLOSED = 4;

	private final Clock clock;

	ReleaseCalendar(Clock clock) {
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Whether the period starting at {@code start} is closed, so that it may be released.
	 */
	public boolean closed(String unit, LocalDate start) {
		return today().isAfter(end(unit, start).plusDays(DAYS_UNTIL_CLOSED - 1));
	}

	/** The Monday of the week holding {@code day}. */
	public static LocalDate week(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * The month (its first calendar day) a week belongs to: the month of its Thursday.
	 */
	public static LocalDate monthOfWeek(LocalDate week) {
		return week.plusDays(3).withDayOfMonth(1);
	}

	/** The first Monday of a month of weeks. */
	public static LocalDate firstWeek(LocalDate month) {
		LocalDate monday = week(month);
		return monthOfWeek(monday).equals(month) ? monday : monday.plusWeeks(1);
	}

	/** The Mondays of a month's weeks. */
	public static List<LocalDate> weeks(LocalDate month) {
		List<LocalDate> weeks = new ArrayList<>();
		for (LocalDate week = firstWeek(month); monthOfWeek(week).equals(month); week = week.plusWeeks(1)) {
			weeks.add(week);
		}
		return weeks;
	}

	/** The month a period falls in: the month itself, or the month of a week. */
	public static LocalDate month(String unit, LocalDate start) {
		return unit.equals("week") ? monthOfWeek(start) : start;
	}

	public static LocalDate start(String unit, LocalDate start) {
		return unit.equals("week") ? start : firstWeek(start);
	}

	/** The last day of a period. */
	public static LocalDate end(String unit, LocalDate start) {
		if (unit.equals("week")) {
			return start.plusDays(6);
		}
		List<LocalDate> weeks = weeks(start);
		return weeks.get(weeks.size() - 1).plusDays(6);
	}

}
