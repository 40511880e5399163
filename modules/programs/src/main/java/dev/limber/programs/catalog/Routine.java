package dev.limber.programs.catalog;

import java.util.List;

/** An ordered sequence of exercises done in one go. */
public record Routine(String slug, String name, String description, String category, List<RoutineStep> steps,
		List<String> sources) {

	public Routine {
		steps = List.copyOf(steps);
		sources = List.copyOf(sources);
	}

}
