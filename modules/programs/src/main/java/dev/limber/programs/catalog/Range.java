package dev.limber.programs.catalog;

/**
 * An inclusive range such as "20-30 s" or "3 building to 10"; min is the starting dose.
 */
public record Range(int min, int max) {

	public Range {
		if (min < 0 || max < min) {
			throw new IllegalArgumentException("invalid range " + min + "-" + max);
		}
	}

	public static Range exactly(int value) {
		return new Range(value, value);
	}

}
