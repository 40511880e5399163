package dev.limber.programs.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programs schedule the seeds' doses for real, week by week, not only in their text.
 * Pelvic tilts (000): "Repeat 3 times, gradually increasing to 10 repetitions." Abdominal
 * work (003): "at least every other day for 15 to 30 minutes at a time".
 */
class ProgramDoseTests {

	private static final Catalog catalog = new CatalogLoader().load();

	private static final int SEED_FIRST_TILTS = 3;

	private static final int SEED_TARGET_TILTS = 10;

	@Test
	void pelvicTiltsStartAtThreeAndGrowToTenOverTheSixWeeks() {
		Program backCare = catalog.program("back-care-6-weeks").orElseThrow();
		List<Integer> reps = tiltsPerWeek(backCare);
		assertThat(reps).hasSize(6);
		assertThat(reps.get(0)).isEqualTo(SEED_FIRST_TILTS);
		assertThat(reps.get(reps.size() - 1)).isEqualTo(SEED_TARGET_TILTS);
		assertThat(reps).as("gradually: never fewer than the week before, never more than 10")
			.isSortedAccordingTo(Integer::compare)
			.allMatch((n) -> n <= SEED_TARGET_TILTS);
		assertThat(reps).as("it grows every week").doesNotHaveDuplicates();
	}

	@Test
	void theStarterBeginsWithThreeTiltsAndGrowsToo() {
		List<Integer> reps = tiltsPerWeek(catalog.program("desk-worker-starter-2-weeks").orElseThrow());
		assertThat(reps.get(0)).isEqualTo(SEED_FIRST_TILTS);
		assertThat(reps).isSortedAccordingTo(Integer::compare).allMatch((n) -> n <= SEED_TARGET_TILTS);
	}

	@Test
	void aWeeksDoseReplacesTheRoutinesOwnAndItsTime() {
		ProgramWeek week2 = catalog.program("back-care-6-weeks").orElseThrow().weeks().get(1);
		Routine own = catalog.routine("tight-lower-back").orElseThrow();
		Routine dosed = week2.dosed(own);
		RoutineStep tilts = step(dosed, "pelvic-tilts");
		assertThat(tilts.reps()).isEqualTo(4);
		assertThat(tilts.holdSeconds()).as("the hold stays the seed's 5 s").isEqualTo(5);
		assertThat(catalog.totalSeconds(dosed)).isEqualTo(catalog.totalSeconds(own) + 5);
		assertThat(dosed.steps()).hasSameSizeAs(own.steps());
	}

	@Test
	void fromWeekThreeAnAbdominalSessionOfFifteenToThirtyMinutesComesAtLeastEveryOtherDay() {
		Program backCare = catalog.program("back-care-6-weeks").orElseThrow();
		List<Integer> abdominalSeconds = new ArrayList<>();
		for (ProgramWeek week : backCare.weeks().subList(2, backCare.weeks().size())) {
			for (ProgramDay day : week.days()) {
				abdominalSeconds.add(day.routines()
					.stream()
					.map((slug) -> week.dosed(catalog.routine(slug).orElseThrow()))
					.mapToInt(ProgramDoseTests::abdominalSeconds)
					.max()
					.orElse(0));
			}
		}
		assertThat(abdominalSeconds).hasSize(28);
		for (int day = 0; day + 1 < abdominalSeconds.size(); day++) {
			assertThat(Math.max(abdominalSeconds.get(day), abdominalSeconds.get(day + 1)))
				.as("a session of at least 15 minutes on day %d or %d of weeks 3-6", day + 1, day + 2)
				.isGreaterThanOrEqualTo(15 * 60);
		}
		assertThat(abdominalSeconds).as("no session runs past 30 minutes").allMatch((seconds) -> seconds <= 30 * 60);
		assertThat(abdominalSeconds.get(0)).as("it starts on the first day of week 3").isGreaterThanOrEqualTo(15 * 60);
	}

	@Test
	void theAbdominalSessionHasBothCrunchesTheSeedNames() {
		Routine session = catalog.routine("abdominal-strength").orElseThrow();
		assertThat(session.steps()).extracting(RoutineStep::exercise)
			.contains("abdominal-crunch", "knee-to-elbow-crunch");
		assertThat(abdominalSeconds(session)).isBetween(15 * 60, 30 * 60);
	}

	/** Time spent on core-strengthening exercises in one routine, in one go. */
	private static int abdominalSeconds(Routine routine) {
		return routine.steps()
			.stream()
			.filter((step) -> catalog.exercise(step.exercise()).orElseThrow().category() == ExerciseCategory.CORE)
			.mapToInt((step) -> RoutineDurations.stepSeconds(step, catalog.exercise(step.exercise()).orElseThrow()))
			.sum();
	}

	/**
	 * The pelvic tilt reps that each week's routines really schedule, all of them
	 * agreeing.
	 */
	private static List<Integer> tiltsPerWeek(Program program) {
		List<Integer> reps = new ArrayList<>();
		for (ProgramWeek week : program.weeks()) {
			List<Integer> scheduled = week.days()
				.stream()
				.flatMap((day) -> day.routines().stream())
				.map((slug) -> week.dosed(catalog.routine(slug).orElseThrow()))
				.flatMap((routine) -> routine.steps().stream())
				.filter((step) -> step.exercise().equals("pelvic-tilts"))
				.map(RoutineStep::reps)
				.distinct()
				.toList();
			assertThat(scheduled).as("week %d schedules pelvic tilts at one dose", week.week()).hasSize(1);
			reps.add(scheduled.get(0));
		}
		return reps;
	}

	private static RoutineStep step(Routine routine, String exercise) {
		return routine.steps().stream().filter((step) -> step.exercise().equals(exercise)).findFirst().orElseThrow();
	}

}
