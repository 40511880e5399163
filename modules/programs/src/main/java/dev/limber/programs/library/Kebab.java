package dev.limber.programs.library;

import java.util.Locale;

/**
 * Catalog enums as the API and the YAML spell them: {@code ALL_FOURS} is
 * {@code all-fours}.
 */
final class Kebab {

	private Kebab() {
	}

	static String of(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
