package dev.limber.programs.library;

import java.util.List;

import dev.limber.programs.catalog.Dosage;
import dev.limber.programs.catalog.Exercise;

/** An exercise as the API shows it. */
public record ExerciseView(String slug, String name, String category, List<String> bodyAreas, String position,
		List<String> equipment, boolean deskFriendly, List<String> steps, Dosage dosage, List<String> muscles,
		List<String> cautions) {

	public static ExerciseView of(Exercise exercise) {
		return new ExerciseView(exercise.slug(), exercise.name(), Kebab.of(exercise.category()), exercise.bodyAreas(),
				Kebab.of(exercise.position()), exercise.equipment().stream().map(Kebab::of).toList(),
				exercise.deskFriendly(), exercise.steps(), exercise.dosage(), exercise.muscles(), exercise.cautions());
	}

}
