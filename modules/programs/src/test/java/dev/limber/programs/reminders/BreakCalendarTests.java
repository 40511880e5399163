package dev.limber.programs.reminders;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;

import biweekly.Biweekly;
import biweekly.ICalendar;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed, read back by two independent parsers, across the EU change to summer time.
 */
class BreakCalendarTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	// Summer time starts in the EU on Sunday 29 March 2026.
	static final LocalDate MONDAY_BEFORE = LocalDate.of(2026, 3, 23);

	static final ReminderSettings SETTINGS = new ReminderSettings(LocalTime.of(9, 0), LocalTime.of(17, 0),
			Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), 60,
			5, BERLIN, true);

	@Test
	void scheduleHasAFiveMinuteBreakEveryHourOfTheWorkingDay() {
		List<ZonedDateTime> breaks = BreakSchedule.breaksOn(MONDAY_BEFORE, SETTINGS);
		assertThat(breaks).hasSize(7);
		assertThat(breaks.get(0).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
		assertThat(breaks.get(6).toLocalTime()).isEqualTo(LocalTime.of(16, 0));
		assertThat(BreakSchedule.breaksOn(MONDAY_BEFORE.plusDays(5), SETTINGS)).isEmpty();
	}

	@Test
	void biweeklyReadsTheRightInstantsOnBothSidesOfTheChange() {
		ICalendar calendar = Biweekly.parse(BreakCalendar.render(SETTINGS, MONDAY_BEFORE)).first();
		List<Instant> starts = calendar.getEvents()
			.stream()
			.map((event) -> event.getDateStart().getValue().toInstant())
			.toList();
		assertThat(starts).hasSize(BreakCalendar.DAYS_AHEAD / 7 * 5 * 7);
		assertThat(starts).contains(Instant.parse("2026-03-27T09:00:00Z"), Instant.parse("2026-03-30T08:00:00Z"));
	}

	@Test
	void ical4jReadsTheSameEvents() throws Exception {
		Calendar calendar = new CalendarBuilder()
			.build(new StringReader(BreakCalendar.render(SETTINGS, MONDAY_BEFORE)));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(140);
		List<Instant> starts = events.stream().map((event) -> instant(event.getDateTimeStart().getDate())).toList();
		assertThat(starts).contains(Instant.parse("2026-03-27T09:00:00Z"), Instant.parse("2026-03-30T08:00:00Z"));
		assertThat(starts.stream().map((start) -> start.atZone(BERLIN).toLocalTime()).distinct().sorted().toList())
			.containsExactly(LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(12, 0), LocalTime.of(13, 0),
					LocalTime.of(14, 0), LocalTime.of(15, 0), LocalTime.of(16, 0));
	}

	private static Instant instant(Temporal temporal) {
		return Instant.from(temporal);
	}

}
