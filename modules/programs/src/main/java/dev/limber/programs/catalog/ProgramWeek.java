package dev.limber.programs.catalog;

import java.util.List;

/**
 * One week of a program, numbered from 1, with the doses that change from week to week.
 */
public record ProgramWeek(int week, String focus, List<ProgramDay> days, List<WeekDose> doses) {

	public ProgramWeek {
		days = List.copyOf(days);
		doses = List.copyOf(doses);
	}

	/**
	 * The routine as this week does it: each step of a dosed exercise takes the week's
	 * dose.
	 */
	public Routine dosed(Routine routine) {
		if (doses.isEmpty()) {
			return routine;
		}
		List<RoutineStep> steps = routine.steps().stream().map(this::dosed).toList();
		return new Routine(routine.slug(), routine.name(), routine.description(), routine.category(), steps,
				routine.sources());
	}

	private RoutineStep dosed(RoutineStep step) {
		return doses.stream()
			.filter((dose) -> dose.exercise().equals(step.exercise()))
			.findFirst()
			.map((dose) -> dose.applyTo(step))
			.orElse(step);
	}

}
