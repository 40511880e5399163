package dev.limber.programs.catalog;

import java.util.List;
import java.util.Set;

/** Turns the YAML mappings of the catalog files into the catalog records. */
final class CatalogMapping {

	private CatalogMapping() {
	}

	static Exercise exercise(YamlNode node) {
		node.allowing(Set.of("slug", "name", "category", "bodyAreas", "position", "equipment", "deskFriendly", "steps",
				"dosage", "muscles", "cautions", "sources", "illustration"));
		List<String> steps = node.strings("steps");
		YamlNode illustration = node.optionalChild("illustration");
		return new Exercise(node.slug("slug"), node.string("name"), node.enumValue("category", ExerciseCategory.class),
				node.strings("bodyAreas"), node.enumValue("position", Position.class),
				node.enumValues("equipment", Equipment.class), node.bool("deskFriendly"), steps,
				dosage(node.child("dosage")), node.strings("muscles"), node.strings("cautions"),
				node.strings("sources"), illustration == null ? Illustration.neutral()
						: IllustrationMapping.illustration(illustration, steps.size()));
	}

	static Dosage dosage(YamlNode node) {
		node.allowing(Set.of("holdSeconds", "reps", "sets", "perSide", "totalSeconds", "dosageNote"));
		return new Dosage(optionalRange(node, "holdSeconds"), range(node.child("reps")), range(node.child("sets")),
				node.bool("perSide"), optionalRange(node, "totalSeconds"), node.optionalString("dosageNote"));
	}

	static Routine routine(YamlNode node) {
		node.allowing(Set.of("slug", "name", "description", "category", "steps", "sources"));
		List<RoutineStep> steps = node.children("steps").stream().map(CatalogMapping::step).toList();
		return new Routine(node.slug("slug"), node.string("name"), node.string("description"), node.string("category"),
				steps, node.optionalStrings("sources"));
	}

	static RoutineStep step(YamlNode node) {
		node.allowing(Set.of("exercise", "holdSeconds", "reps", "sets", "perSide", "seconds", "note"));
		return new RoutineStep(node.slug("exercise"), node.optionalInteger("holdSeconds"), node.optionalInteger("reps"),
				node.optionalInteger("sets"), node.optionalBoolean("perSide"), node.optionalInteger("seconds"),
				node.optionalString("note"));
	}

	static Program program(YamlNode node) {
		node.allowing(Set.of("slug", "name", "description", "weeks", "sources"));
		List<ProgramWeek> weeks = node.children("weeks").stream().map(CatalogMapping::week).toList();
		return new Program(node.slug("slug"), node.string("name"), node.string("description"), weeks,
				node.optionalStrings("sources"));
	}

	static ProgramWeek week(YamlNode node) {
		node.allowing(Set.of("week", "focus", "days", "doses"));
		List<ProgramDay> days = node.children("days").stream().map(CatalogMapping::day).toList();
		List<WeekDose> doses = node.optionalChildren("doses").stream().map(CatalogMapping::dose).toList();
		return new ProgramWeek(node.integer("week"), node.optionalString("focus"), days, doses);
	}

	/** A week's dose names an exercise and at least one value to replace. */
	static WeekDose dose(YamlNode node) {
		node.allowing(Set.of("exercise", "holdSeconds", "reps", "sets"));
		WeekDose dose = new WeekDose(node.slug("exercise"), node.optionalInteger("holdSeconds"),
				node.optionalInteger("reps"), node.optionalInteger("sets"));
		if (dose.holdSeconds() == null && dose.reps() == null && dose.sets() == null) {
			throw node.error("exercise", "a dose needs holdSeconds, reps or sets");
		}
		return dose;
	}

	/**
	 * A day is either explicitly a rest day or names at least one routine, never both.
	 */
	static ProgramDay day(YamlNode node) {
		node.allowing(Set.of("day", "routines", "rest", "note"));
		boolean rest = Boolean.TRUE.equals(node.optionalBoolean("rest"));
		List<String> routines = node.optionalStrings("routines");
		if (rest == !routines.isEmpty()) {
			throw node.error("routines", "a day needs routines or rest: true, not both or neither");
		}
		return new ProgramDay(node.integer("day"), routines, node.optionalString("note"));
	}

	private static Range optionalRange(YamlNode node, String key) {
		YamlNode child = node.optionalChild(key);
		return child == null ? null : range(child);
	}

	private static Range range(YamlNode node) {
		node.allowing(Set.of("min", "max"));
		try {
			return new Range(node.integer("min"), node.integer("max"));
		}
		catch (IllegalArgumentException ex) {
			throw node.error("min", ex.getMessage());
		}
	}

}
