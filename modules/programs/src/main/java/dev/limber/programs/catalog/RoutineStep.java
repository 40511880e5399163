package dev.limber.programs.catalog;

/**
 * One step of a routine. Every field but {@code exercise} is optional and overrides the
 * exercise's own dosage for this routine; {@code seconds} fixes the step's whole
 * duration.
 */
public record RoutineStep(String exercise, Integer holdSeconds, Integer reps, Integer sets, Boolean perSide,
		Integer seconds, String note) {

}
