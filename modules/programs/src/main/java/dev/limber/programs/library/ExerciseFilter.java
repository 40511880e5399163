package dev.limber.programs.library;

import dev.limber.programs.catalog.Exercise;

/** The library's filters; a blank filter matches everything. */
public record ExerciseFilter(String bodyArea, String position, String equipment, Boolean deskFriendly,
		String category) {

	public boolean matches(Exercise exercise) {
		return (blank(this.bodyArea) || exercise.bodyAreas().contains(this.bodyArea))
				&& (blank(this.position) || Kebab.of(exercise.position()).equals(this.position))
				&& (blank(this.equipment)
						|| exercise.equipment().stream().map(Kebab::of).anyMatch(this.equipment::equals))
				&& (this.deskFriendly == null || exercise.deskFriendly() == this.deskFriendly)
				&& (blank(this.category) || Kebab.of(exercise.category()).equals(this.category));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
