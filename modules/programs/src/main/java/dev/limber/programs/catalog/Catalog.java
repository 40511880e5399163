package dev.limber.programs.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loaded content: exercises, routines and programs, looked up by slug. Construction
 * fails on duplicate slugs or references to missing exercises and routines, so a broken
 * catalog never reaches users.
 */
public final class Catalog {

	private final Map<String, Exercise> exercises;

	private final Map<String, Routine> routines;

	private final Map<String, Program> programs;

	public Catalog(List<Exercise> exercises, List<Routine> routines, List<Program> programs) {
		this.exercises = bySlug(exercises, Exercise::slug, "exercise");
		this.routines = bySlug(routines, Routine::slug, "routine");
		this.programs = bySlug(programs, Program::slug, "program");
		checkReferences();
	}

	/**
	 * This catalog plus an organization's own exercises and routines. Fails like the
	 * constructor: an own slug may not shadow a global one, and references must resolve.
	 */
	public Catalog with(List<Exercise> ownExercises, List<Routine> ownRoutines) {
		if (ownExercises.isEmpty() && ownRoutines.isEmpty()) {
			return this;
		}
		List<Exercise> allExercises = new java.util.ArrayList<>(this.exercises.values());
		allExercises.addAll(ownExercises);
		List<Routine> allRoutines = new java.util.ArrayList<>(this.routines.values());
		allRoutines.addAll(ownRoutines);
		return new Catalog(allExercises, allRoutines, List.copyOf(this.programs.values()));
	}

	public Collection<Exercise> exercises() {
		return exercises.values();
	}

	public Collection<Routine> routines() {
		return routines.values();
	}

	public Collection<Program> programs() {
		return programs.values();
	}

	public Optional<Exercise> exercise(String slug) {
		return Optional.ofNullable(exercises.get(slug));
	}

	public Optional<Routine> routine(String slug) {
		return Optional.ofNullable(routines.get(slug));
	}

	public Optional<Program> program(String slug) {
		return Optional.ofNullable(programs.get(slug));
	}

	/** Estimated length of a routine in seconds, see {@link RoutineDurations}. */
	public int totalSeconds(Routine routine) {
		return RoutineDurations.totalSeconds(routine, this);
	}

	/** Estimated length of every routine in seconds, in catalog order. */
	public Map<String, Integer> routineSeconds() {
		Map<String, Integer> seconds = new LinkedHashMap<>();
		routines.values().forEach((routine) -> seconds.put(routine.slug(), totalSeconds(routine)));
		return seconds;
	}

	private void checkReferences() {
		for (Routine routine : routines.values()) {
			for (RoutineStep step : routine.steps()) {
				if (!exercises.containsKey(step.exercise())) {
					throw new CatalogException("routine " + routine.slug() + ": unknown exercise " + step.exercise());
				}
			}
		}
		for (Program program : programs.values()) {
			for (ProgramWeek week : program.weeks()) {
				week.doses()
					.stream()
					.filter((dose) -> !exercises.containsKey(dose.exercise()))
					.findFirst()
					.ifPresent((dose) -> {
						throw new CatalogException("program " + program.slug() + " week " + week.week()
								+ ": dose for unknown exercise " + dose.exercise());
					});
				for (ProgramDay day : week.days()) {
					day.routines()
						.stream()
						.filter((slug) -> !routines.containsKey(slug))
						.findFirst()
						.ifPresent((slug) -> {
							throw new CatalogException("program " + program.slug() + " week " + week.week() + " day "
									+ day.day() + ": unknown routine " + slug);
						});
				}
			}
		}
	}

	private static <T> Map<String, T> bySlug(List<T> items, Function<T, String> slug, String kind) {
		Map<String, T> result = new LinkedHashMap<>();
		for (T item : items) {
			if (result.put(slug.apply(item), item) != null) {
				throw new CatalogException("duplicate " + kind + " slug " + slug.apply(item));
			}
		}
		return Collections.unmodifiableMap(result);
	}

}
