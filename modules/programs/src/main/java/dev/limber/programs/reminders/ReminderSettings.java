package dev.limber.programs.reminders;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * When an employee works and how often they want a movement break. The default follows
 * the seed advice: get up and move for at least five minutes every hour.
 *
 * @param intervalMinutes minutes between breaks, 30 to 60
 * @param breakMinutes length of each break, at least {@link #SHORTEST_BREAK_MINUTES}
 */
public record ReminderSettings(LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workDays, int intervalMinutes,
		int breakMinutes, ZoneId zone, boolean feedActive) {

	/** The seeds ask for at least five minutes of movement for each hour seated. */
	public static final int SHORTEST_BREAK_MINUTES = 5;

	/**
	 * The table's limits, checked here so every way of saving (API, form) refuses the
	 * same.
	 */
	public ReminderSettings {
		if (intervalMinutes < 30 || intervalMinutes > 60) {
			throw new IllegalArgumentException("intervalMinutes must be 30 to 60");
		}
		if (breakMinutes < 1 || breakMinutes > 15) {
			throw new IllegalArgumentException("breakMinutes must be 1 to 15");
		}
	}

	public static ReminderSettings defaults(ZoneId zone) {
		return new ReminderSettings(LocalTime.of(9, 0), LocalTime.of(17, 0),
				Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
				60, 5, zone, false);
	}

}
