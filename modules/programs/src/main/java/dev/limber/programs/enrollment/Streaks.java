package dev.limber.programs.enrollment;

import java.time.LocalDate;
import java.util.List;

/**
 * A streak is the run of consecutive days with at least one activity, ending today, or
 * yesterday while today is still open.
 */
final class Streaks {

	private Streaks() {
	}

	static int current(List<LocalDate> activeDaysNewestFirst, LocalDate today) {
		if (activeDaysNewestFirst.isEmpty()) {
			return 0;
		}
		LocalDate expected = activeDaysNewestFirst.get(0).equals(today) ? today : today.minusDays(1);
		int streak = 0;
		for (LocalDate day : activeDaysNewestFirst) {
			if (day.isAfter(today)) {
				continue;
			}
			if (!day.equals(expected)) {
				break;
			}
			streak++;
			expected = expected.minusDays(1);
		}
		return streak;
	}

}
