package dev.limber.programs.enrollment;

import java.util.List;

/**
 * Today for an employee: where they are in their program, what to do, and their streak.
 *
 * @param week 1-based week of the program, or 0 without an enrollment
 * @param day 1-based day of that week
 * @param doses the week's doses that differ from the routines' own (pelvic tilts growing
 * week by week)
 */
public record TodayPlan(String program, String programName, int week, int day, boolean rest, String note,
		List<PlannedRoutine> routines, List<Dose> doses, int streak, boolean programFinished) {

	public TodayPlan {
		routines = List.copyOf(routines);
		doses = List.copyOf(doses);
	}

	/**
	 * A dose this week gives an exercise in place of the routines' own, with the
	 * exercise's name.
	 */
	public record Dose(String exercise, String name, Integer holdSeconds, Integer reps, Integer sets) {
	}

	/** A routine of the day; its time counts the week's doses. */
	public record PlannedRoutine(String slug, String name, int totalSeconds, boolean done) {
	}

}
