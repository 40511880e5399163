package dev.limber.programs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * A member's movement breaks, on the same schedule as their calendar feed, read inside
 * the caller's tenant transaction (for reminders sent by other channels).
 */
public interface BreakTimes {

	/**
	 * The breaks of the member's local working day that contains {@code now}, from their
	 * reminder settings, or the default working hours in {@code fallbackZone} if they
	 * saved none.
	 */
	Mono<List<Break>> onDayOf(UUID member, ZoneId fallbackZone, Instant now);

	record Break(Instant startsAt, int minutes) {
	}

}
