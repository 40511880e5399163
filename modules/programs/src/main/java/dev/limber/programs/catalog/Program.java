package dev.limber.programs.catalog;

import java.util.List;

/** A multi-week plan that schedules routines day by day. */
public record Program(String slug, String name, String description, List<ProgramWeek> weeks, List<String> sources) {

	public Program {
		weeks = List.copyOf(weeks);
		sources = List.copyOf(sources);
	}

}
