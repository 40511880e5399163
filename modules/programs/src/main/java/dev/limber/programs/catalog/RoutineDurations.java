package dev.limber.programs.catalog;

/** Estimates how long a routine takes from the dosage of its steps. */
public final class RoutineDurations {

	/**
	 * Time allowed for one repetition of a move that is not held (a leg swing, a crunch,
	 * a squat). The seeds give no tempo; 3 s covers a slow, controlled out-and-back.
	 */
	public static final int SECONDS_PER_REP = 3;

	private RoutineDurations() {
	}

	/**
	 * A step's seconds: its fixed {@code seconds} if set; otherwise hold x reps x sets x
	 * sides for held moves, the exercise's total time x sets for timed ones, and
	 * {@value #SECONDS_PER_REP} s x reps x sets x sides for the rest. Values the step
	 * does not override come from the minimum of the exercise's ranges, the starting
	 * dose.
	 */
	public static int stepSeconds(RoutineStep step, Exercise exercise) {
		if (step.seconds() != null) {
			return step.seconds();
		}
		Dosage dosage = exercise.dosage();
		int sets = orElse(step.sets(), dosage.sets().min());
		int reps = orElse(step.reps(), dosage.reps().min());
		int sides = Boolean.TRUE.equals(orElse(step.perSide(), dosage.perSide())) ? 2 : 1;
		if (step.holdSeconds() != null || dosage.isHeld()) {
			int hold = orElse(step.holdSeconds(), dosage.isHeld() ? dosage.holdSeconds().min() : 0);
			return hold * reps * sets * sides;
		}
		if (dosage.isTimed()) {
			return dosage.totalSeconds().min() * sets;
		}
		return SECONDS_PER_REP * reps * sets * sides;
	}

	/**
	 * The sum of the routine's step times; every step must name an exercise of the
	 * catalog.
	 */
	public static int totalSeconds(Routine routine, Catalog catalog) {
		int total = 0;
		for (RoutineStep step : routine.steps()) {
			Exercise exercise = catalog.exercise(step.exercise())
				.orElseThrow(() -> new CatalogException(routine.slug() + ": unknown exercise " + step.exercise()));
			total += stepSeconds(step, exercise);
		}
		return total;
	}

	private static <T> T orElse(T value, T fallback) {
		return value != null ? value : fallback;
	}

}
