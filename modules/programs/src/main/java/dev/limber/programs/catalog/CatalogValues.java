package dev.limber.programs.catalog;

import java.util.Locale;

/** Maps enum constants to and from the kebab-case spelling used in the YAML files. */
public final class CatalogValues {

	private CatalogValues() {
	}

	public static String yamlName(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Unknown spellings fail, which keeps the YAML to the allowed vocabulary. */
	static <E extends Enum<E>> E parse(Class<E> type, String yamlName) {
		for (E constant : type.getEnumConstants()) {
			if (yamlName(constant).equals(yamlName)) {
				return constant;
			}
		}
		throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + yamlName + "'");
	}

}
