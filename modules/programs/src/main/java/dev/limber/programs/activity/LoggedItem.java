package dev.limber.programs.activity;

import dev.limber.kernel.problem.ApiException;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.ExerciseCategory;

/** What an activity request refers to in the catalog. */
record LoggedItem(String kind, String slug, String category) {

	static LoggedItem resolve(ActivityRequest request, Catalog catalog) {
		int given = count(request.routine()) + count(request.exercise()) + count(request.activity());
		if (given != 1) {
			throw ApiException.badRequest("Give exactly one of routine, exercise or activity.");
		}
		if (request.routine() != null) {
			return catalog.routine(request.routine())
				.map((routine) -> new LoggedItem("routine", routine.slug(), routine.category()))
				.orElseThrow(() -> ApiException.unprocessable("routine: no routine '" + request.routine() + "'."));
		}
		if (request.exercise() != null) {
			return catalog.exercise(request.exercise())
				.map((exercise) -> new LoggedItem("exercise", exercise.slug(), name(exercise.category())))
				.orElseThrow(() -> ApiException.unprocessable("exercise: no exercise '" + request.exercise() + "'."));
		}
		return catalog.exercise(request.activity())
			.filter((exercise) -> exercise.category() == ExerciseCategory.AEROBIC)
			.map((exercise) -> new LoggedItem("activity", exercise.slug(), name(exercise.category())))
			.orElseThrow(() -> ApiException.unprocessable(
					"activity: no low-impact activity '" + request.activity() + "' (walking, swimming, cycling)."));
	}

	private static int count(String slug) {
		return (slug != null && !slug.isBlank()) ? 1 : 0;
	}

	private static String name(ExerciseCategory category) {
		return category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
