package dev.limber.programs.library;

import java.util.List;

import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Routine;
import dev.limber.programs.catalog.RoutineDurations;
import dev.limber.programs.catalog.RoutineStep;

/** A routine with each step's exercise name and computed time, and the total. */
public record RoutineView(String slug, String name, String description, String category, int totalSeconds,
		List<Step> steps) {

	public record Step(String exercise, String name, Integer holdSeconds, Integer reps, Integer sets, Boolean perSide,
			Integer seconds, String note, int stepSeconds) {
	}

	public static RoutineView of(Routine routine, Catalog catalog) {
		List<Step> steps = routine.steps().stream().map((step) -> step(step, catalog)).toList();
		return new RoutineView(routine.slug(), routine.name(), routine.description(), routine.category(),
				RoutineDurations.totalSeconds(routine, catalog), steps);
	}

	private static Step step(RoutineStep step, Catalog catalog) {
		var exercise = catalog.exercise(step.exercise()).orElseThrow();
		return new Step(step.exercise(), exercise.name(), step.holdSeconds(), step.reps(), step.sets(), step.perSide(),
				step.seconds(), step.note(), RoutineDurations.stepSeconds(step, exercise));
	}

}
