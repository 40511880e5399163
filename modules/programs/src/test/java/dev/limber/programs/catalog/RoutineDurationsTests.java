package dev.limber.programs.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timing rules of {@link RoutineDurations}, on hand-made exercises. */
class RoutineDurationsTests {

	@Test
	void heldMovesCountHoldTimesRepsTimesSetsTimesSides() {
		Exercise held = exercise(new Dosage(Range.exactly(5), Range.exactly(5), Range.exactly(1), true, null, "n"));
		assertThat(RoutineDurations.stepSeconds(step(null, null, null), held)).isEqualTo(50);
		assertThat(RoutineDurations.stepSeconds(step(10, 3, 2), held)).isEqualTo(120);
	}

	@Test
	void countedMovesUseThreeSecondsPerRep() {
		Exercise counted = exercise(new Dosage(null, new Range(10, 15), Range.exactly(1), true, null, "n"));
		assertThat(RoutineDurations.stepSeconds(step(null, null, null), counted))
			.isEqualTo(10 * RoutineDurations.SECONDS_PER_REP * 2);
	}

	@Test
	void timedMovesUseTheirTotalAndFixedSecondsWin() {
		Exercise timed = exercise(new Dosage(null, Range.exactly(1), Range.exactly(1), false, new Range(60, 90), "n"));
		assertThat(RoutineDurations.stepSeconds(step(null, null, null), timed)).isEqualTo(60);
		RoutineStep fixed = new RoutineStep("x", null, null, null, null, 45, null);
		assertThat(RoutineDurations.stepSeconds(fixed, timed)).isEqualTo(45);
	}

	private static RoutineStep step(Integer hold, Integer reps, Integer sets) {
		return new RoutineStep("x", hold, reps, sets, null, null, null);
	}

	private static Exercise exercise(Dosage dosage) {
		return new Exercise("x", "X", ExerciseCategory.STRETCH, List.of("hips"), Position.SUPINE,
				List.of(Equipment.NONE), false, List.of("step"), dosage, List.of("m"), List.of("Stop on sharp pain."),
				List.of("s"), Illustration.neutral());
	}

}
