package dev.limber.programs.catalog;

import java.util.List;

/**
 * One exercise of the library.
 *
 * @param deskFriendly whether it can be done beside a desk in work clothes, without the
 * floor
 * @param sources the seed articles its facts come from
 * @param illustration how it is drawn (a neutral figure in its position when the entry
 * has none)
 */
public record Exercise(String slug, String name, ExerciseCategory category, List<String> bodyAreas, Position position,
		List<Equipment> equipment, boolean deskFriendly, List<String> steps, Dosage dosage, List<String> muscles,
		List<String> cautions, List<String> sources, Illustration illustration) {

	public Exercise {
		bodyAreas = List.copyOf(bodyAreas);
		equipment = List.copyOf(equipment);
		steps = List.copyOf(steps);
		muscles = List.copyOf(muscles);
		cautions = List.copyOf(cautions);
		sources = List.copyOf(sources);
	}

}
