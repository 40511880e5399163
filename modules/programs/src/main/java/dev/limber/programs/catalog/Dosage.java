package dev.limber.programs.catalog;

/**
 * How much of an exercise to do, as data rather than prose so routines can be timed.
 *
 * @param holdSeconds one hold, or {@code null} for moves that are not held
 * @param reps repetitions, per side when {@code perSide} is true
 * @param sets sets
 * @param perSide whether reps (and holds) are done on each side (or in each direction)
 * @param totalSeconds length of one whole set, both sides included, or {@code null}
 * @param note anything the numbers cannot say, and which numbers are not from a source
 */
public record Dosage(Range holdSeconds, Range reps, Range sets, boolean perSide, Range totalSeconds, String note) {

	public boolean isHeld() {
		return holdSeconds != null;
	}

	public boolean isTimed() {
		return totalSeconds != null;
	}

}
