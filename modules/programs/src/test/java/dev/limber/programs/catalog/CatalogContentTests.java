package dev.limber.programs.catalog;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the catalog content against the seed articles and the catalog rules. */
class CatalogContentTests {

	private static final Catalog catalog = new CatalogLoader().load();

	private static final Set<String> SEEDS = Set.of("000_17ef0cd9c6fcca22.txt", "001_d74b33e06ad8ba69.txt",
			"002_4ad874cba64c6aca.txt", "003_41848a324d1bc8c0.txt", "004_b75f0f8a7bcb5ab1.txt");

	private static final List<String> REQUIRED_EXERCISES = List.of("hip-circles", "windshield-wipers",
			"single-knee-to-chest", "double-knee-to-chest", "supine-hamstring-stretch-strap", "pelvic-tilts", "cat-cow",
			"childs-pose", "legs-up-the-wall", "final-relaxation", "standing-hamstring-stretch",
			"seated-hamstring-stretch", "leg-swings", "walking-lunges", "supine-spinal-twist",
			"kneeling-hip-flexor-stretch", "hip-cars", "glute-bridge", "hip-thrust", "squat", "hip-hinge-deadlift",
			"plank", "bird-dog", "dead-bug", "anti-rotation-press", "superman", "russian-twist", "abdominal-crunch",
			"knee-to-elbow-crunch", "standing-toe-reach", "overhead-side-bend", "shoulder-rolls",
			"shoulder-blade-squeezes", "chest-opener", "wall-angels", "balloon-breathing", "foam-roll-hamstrings",
			"foam-roll-glutes", "foam-roll-back", "walking", "swimming", "cycling");

	private static final Set<String> BODY_AREAS = Set.of("lower-back", "hamstrings", "hips", "glutes", "core",
			"shoulders", "upper-back", "neck", "chest", "legs");

	/**
	 * Provenance stays in the YAML's comments: a dosage note is shown to people as it is.
	 */
	@Test
	void dosageNotesCarryNoEditorialNotesOrSourceNumbers() {
		Pattern editorial = Pattern.compile("not from the source|general guideline|the source|\\(00[0-4]\\)",
				Pattern.CASE_INSENSITIVE);
		assertThat(catalog.exercises())
			.allSatisfy((exercise) -> assertThat(exercise.dosage().note()).as(exercise.slug())
				.doesNotContainPattern(editorial));
	}

	@Test
	void everyRequiredExerciseExists() {
		assertThat(slugs()).containsAll(REQUIRED_EXERCISES);
	}

	@Test
	void kneeToChestKeepsTheSeedDosage() {
		Dosage single = dosage("single-knee-to-chest");
		assertThat(single.holdSeconds()).isEqualTo(Range.exactly(5));
		assertThat(single.reps()).isEqualTo(Range.exactly(5));
		assertThat(single.perSide()).isTrue();
		assertThat(single.note()).contains("both knees together for 30 s");
		Dosage both = dosage("double-knee-to-chest");
		assertThat(both.holdSeconds()).isEqualTo(Range.exactly(30));
		assertThat(both.perSide()).isFalse();
	}

	@Test
	void hamstringStaticHoldsAreTwentyToThirtySeconds() {
		for (String slug : List.of("standing-hamstring-stretch", "seated-hamstring-stretch",
				"supine-hamstring-stretch-strap")) {
			assertThat(dosage(slug).holdSeconds()).as(slug).isEqualTo(new Range(20, 30));
			assertThat(dosage(slug).perSide()).as(slug).isTrue();
		}
		assertThat(dosage("supine-hamstring-stretch-strap").reps()).isEqualTo(new Range(2, 3));
	}

	@Test
	void legSwingsAreTenToFifteenPerLeg() {
		Dosage swings = dosage("leg-swings");
		assertThat(swings.reps()).isEqualTo(new Range(10, 15));
		assertThat(swings.perSide()).isTrue();
		assertThat(swings.holdSeconds()).isNull();
	}

	@Test
	void pelvicTiltsHoldFiveSecondsBuildingFromThreeToTenReps() {
		Dosage tilts = dosage("pelvic-tilts");
		assertThat(tilts.holdSeconds()).isEqualTo(Range.exactly(5));
		assertThat(tilts.reps()).isEqualTo(new Range(3, 10));
	}

	@Test
	void otherSeedNumbersSurvive() {
		assertThat(dosage("legs-up-the-wall").holdSeconds().max()).isEqualTo(120);
		assertThat(dosage("hip-circles").reps().min()).isEqualTo(10);
		assertThat(dosage("hip-circles").perSide()).isTrue();
		assertThat(dosage("windshield-wipers").totalSeconds()).isEqualTo(Range.exactly(60));
		assertThat(dosage("cat-cow").totalSeconds().min()).isEqualTo(60);
		assertThat(dosage("childs-pose").holdSeconds()).isEqualTo(new Range(60, 120));
		assertThat(dosage("walking").totalSeconds().min()).isEqualTo(300);
	}

	@Test
	void everyExerciseIsComplete() {
		assertThat(catalog.exercises()).allSatisfy((exercise) -> {
			assertThat(exercise.name()).as(exercise.slug()).isNotBlank();
			assertThat(exercise.steps()).as(exercise.slug()).isNotEmpty();
			assertThat(exercise.dosage()).as(exercise.slug()).isNotNull();
			assertThat(exercise.dosage().note()).as(exercise.slug()).isNotBlank();
			assertThat(exercise.muscles()).as(exercise.slug()).isNotEmpty();
			assertThat(exercise.cautions()).as(exercise.slug())
				.anyMatch((caution) -> caution.toLowerCase(Locale.ROOT).contains("sharp pain"));
			assertThat(exercise.sources()).as(exercise.slug()).isNotEmpty().allMatch(SEEDS::contains);
		});
	}

	@Test
	void dosageIsEitherHeldTimedOrCounted() {
		assertThat(catalog.exercises())
			.noneMatch((exercise) -> exercise.dosage().isHeld() && exercise.dosage().isTimed());
	}

	@Test
	void vocabulariesAreTheAllowedOnes() {
		assertThat(yamlNames(ExerciseCategory.values())).containsExactlyInAnyOrder("mobility", "stretch", "strength",
				"core", "posture", "breathing", "relaxation", "aerobic", "self-massage");
		assertThat(yamlNames(Position.values())).containsExactlyInAnyOrder("standing", "seated", "supine", "prone",
				"kneeling", "all-fours");
		assertThat(yamlNames(Equipment.values())).containsExactlyInAnyOrder("none", "chair", "wall", "strap-or-towel",
				"foam-roller-or-ball", "balloon");
		assertThat(catalog.exercises()).allSatisfy((exercise) -> {
			assertThat(exercise.category()).as(exercise.slug()).isNotNull();
			assertThat(exercise.position()).as(exercise.slug()).isNotNull();
			assertThat(exercise.bodyAreas()).as(exercise.slug()).isNotEmpty().allMatch(BODY_AREAS::contains);
			assertThat(exercise.equipment()).as(exercise.slug()).isNotEmpty().doesNotHaveDuplicates();
			if (exercise.equipment().contains(Equipment.NONE)) {
				assertThat(exercise.equipment()).as(exercise.slug()).containsExactly(Equipment.NONE);
			}
		});
	}

	@Test
	void slugsAreUniqueKebabCase() {
		List<String> all = Stream
			.of(catalog.exercises().stream().map(Exercise::slug), catalog.routines().stream().map(Routine::slug),
					catalog.programs().stream().map(Program::slug))
			.flatMap((slugs) -> slugs)
			.toList();
		assertThat(all).doesNotHaveDuplicates().allMatch((slug) -> slug.matches("[a-z0-9]+(-[a-z0-9]+)*"));
	}

	@Test
	void routinesReferenceExistingExercises() {
		assertThat(catalog.routines()).isNotEmpty().allSatisfy((routine) -> {
			assertThat(routine.steps()).as(routine.slug()).isNotEmpty();
			assertThat(routine.steps()).as(routine.slug()).allMatch((step) -> slugs().contains(step.exercise()));
			assertThat(catalog.totalSeconds(routine)).as(routine.slug()).isPositive();
		});
		assertThat(catalog.routine("hamstrings-and-hips")).isPresent();
		assertThat(catalog.routine("core-stability")).isPresent();
		assertThat(catalog.routine("posture-reset")).isPresent();
		assertThat(catalog.routine("warm-up")).isPresent();
	}

	@Test
	void deskResetNeedsNoFloorAndTakesAboutFiveMinutes() {
		Routine desk = catalog.routine("desk-reset-5-min").orElseThrow();
		assertThat(desk.steps()).allSatisfy((step) -> {
			Exercise exercise = catalog.exercise(step.exercise()).orElseThrow();
			assertThat(exercise.deskFriendly()).as(exercise.slug()).isTrue();
			assertThat(exercise.position()).as(exercise.slug()).isIn(Position.STANDING, Position.SEATED);
		});
		assertThat(catalog.totalSeconds(desk)).isBetween(240, 360);
	}

	@Test
	void lowerBackRoutineFollowsTheSeedsNineMoves() {
		Routine routine = catalog.routine("tight-lower-back").orElseThrow();
		assertThat(routine.steps()).extracting(RoutineStep::exercise)
			.containsExactly("hip-circles", "windshield-wipers", "single-knee-to-chest", "double-knee-to-chest",
					"supine-hamstring-stretch-strap", "pelvic-tilts", "cat-cow", "childs-pose", "legs-up-the-wall",
					"final-relaxation");
		assertThat(routine.steps().get(3).holdSeconds()).as("the seed's 30 s with both knees is timed").isEqualTo(30);
		RoutineStep strap = routine.steps().get(4);
		assertThat(strap.holdSeconds()).isEqualTo(30);
		assertThat(routine.steps().get(8).holdSeconds()).isEqualTo(120);
	}

	@Test
	void everyProgramDayReferencesExistingRoutines() {
		Set<String> routines = catalog.routines().stream().map(Routine::slug).collect(Collectors.toSet());
		assertThat(catalog.programs()).isNotEmpty().allSatisfy((program) -> {
			assertThat(program.weeks()).as(program.slug()).isNotEmpty();
			for (ProgramWeek week : program.weeks()) {
				assertThat(week.days()).extracting(ProgramDay::day)
					.as(program.slug())
					.containsExactly(1, 2, 3, 4, 5, 6, 7);
				assertThat(week.days()).allMatch((day) -> day.isRest() || routines.containsAll(day.routines()));
			}
		});
	}

	@Test
	void backCareProgramRunsSixWeeksAndAShorterStarterExists() {
		Program backCare = catalog.program("back-care-6-weeks").orElseThrow();
		assertThat(backCare.weeks()).extracting(ProgramWeek::week).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(catalog.program("desk-worker-starter-2-weeks").orElseThrow().weeks()).hasSize(2);
	}

	private static Set<String> slugs() {
		return catalog.exercises().stream().map(Exercise::slug).collect(Collectors.toCollection(HashSet::new));
	}

	private static Dosage dosage(String slug) {
		return catalog.exercise(slug).orElseThrow(() -> new AssertionError("missing " + slug)).dosage();
	}

	private static List<String> yamlNames(Enum<?>[] values) {
		return Arrays.stream(values).map(CatalogValues::yamlName).toList();
	}

}
