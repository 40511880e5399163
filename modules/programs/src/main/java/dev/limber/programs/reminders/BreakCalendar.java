package dev.limber.programs.reminders;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.Duration;

/**
 * The personal movement-break feed (RFC 5545), written with biweekly. Events are concrete
 * instants in UTC computed from the employee's local working hours, so every calendar app
 * shows them at the right local time, across daylight-saving changes too.
 */
final class BreakCalendar {

	static final int DAYS_AHEAD = 28;

	private BreakCalendar() {
	}

	static String render(ReminderSettings settings, LocalDate from) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Limber//Movement breaks//EN");
		calendar.setName("Limber movement breaks");
		calendar.setRefreshInterval(new Duration.Builder().hours(12).build());
		for (int offset = 0; offset < DAYS_AHEAD; offset++) {
			for (ZonedDateTime start : BreakSchedule.breaksOn(from.plusDays(offset), settings)) {
				VEvent event = new VEvent();
				event.setUid("break-" + start.toLocalDate() + "T" + start.toLocalTime() + "@limber");
				event.setSummary("Movement break");
				event.setDescription("Stand up and move for " + settings.breakMinutes()
						+ " minutes: a short walk or the five-minute desk reset.");
				event.setDateStart(Date.from(start.toInstant()), true);
				event.setDateEnd(Date.from(start.plusMinutes(settings.breakMinutes()).toInstant()), true);
				calendar.addEvent(event);
			}
		}
		return Biweekly.write(calendar).go();
	}

}
