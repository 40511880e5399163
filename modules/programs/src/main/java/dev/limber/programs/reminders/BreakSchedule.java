package dev.limber.programs.reminders;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The breaks of a working day: one every interval after the start, each ending before the
 * working day does. Times are local to the employee's zone, so a daylight-saving change
 * moves nothing on the wall clock.
 */
public final class BreakSchedule {

	private BreakSchedule() {
	}

	public static List<ZonedDateTime> breaksOn(LocalDate day, ReminderSettings settings) {
		List<ZonedDateTime> breaks = new ArrayList<>();
		if (!settings.workDays().contains(day.getDayOfWeek())) {
			return breaks;
		}
		LocalTime start = settings.workStart().plusMinutes(settings.intervalMinutes());
		while (!start.plusMinutes(settings.breakMinutes()).isAfter(settings.workEnd())
				&& start.isAfter(settings.workStart())) {
			breaks.add(day.atTime(start).atZone(settings.zone()));
			start = start.plusMinutes(settings.intervalMinutes());
		}
		return breaks;
	}

}
