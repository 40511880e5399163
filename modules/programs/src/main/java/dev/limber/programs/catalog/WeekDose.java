package dev.limber.programs.catalog;

/**
 * A program week's dose for one exercise, replacing the routine's own values wherever
 * that exercise appears in the week's routines (the pelvic tilt's 3 repetitions growing
 * to 10).
 */
public record WeekDose(String exercise, Integer holdSeconds, Integer reps, Integer sets) {

	/** The step with this dose's values in place of its own; the other values stay. */
	RoutineStep applyTo(RoutineStep step) {
		return new RoutineStep(step.exercise(), holdSeconds != null ? holdSeconds : step.holdSeconds(),
				reps != null ? reps : step.reps(), sets != null ? sets : step.sets(), step.perSide(), step.seconds(),
				step.note());
	}

}
