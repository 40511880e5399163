package dev.limber.programs.catalog;

import java.util.List;

/** One day of a program: the routines to do that day; a rest day has none. */
public record ProgramDay(int day, List<String> routines, String note) {

	public ProgramDay {
		routines = List.copyOf(routines);
	}

	public boolean isRest() {
		return routines.isEmpty();
	}

}
