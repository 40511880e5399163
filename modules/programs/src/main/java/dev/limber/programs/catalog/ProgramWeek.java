package dev.limber.programs.catalog;

import java.util.List;

/** One week of a program, numbered from 1. */
public record ProgramWeek(int week, String focus, List<ProgramDay> days) {

	public ProgramWeek {
		days = List.copyOf(days);
	}

}
