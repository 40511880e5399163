package dev.limber.programs.enrollment;

import java.util.List;

/**
 * Today for an employee: where they are in their program, what to do, and their streak.
 *
 * @param week 1-based week of the program, or 0 without an enrollment
 * @param day 1-based day of that week
 */
public record TodayPlan(String program, String programName, int week, int day, boolean rest, String note,
		List<PlannedRoutine> routines, int streak, boolean programFinished) {

	public record PlannedRoutine(String slug, String name, int totalSeconds, boolean done) {
	}

}
