package dev.limber.programs.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, path-aware access to one mapping of a loaded YAML document, so a content mistake
 * is reported as e.g. "exercises.yaml: exercises[12].dosage.reps" instead of a cast
 * error.
 */
final class YamlNode {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private final String path;

	private final Map<?, ?> values;

	private YamlNode(String path, Map<?, ?> values) {
		this.path = path;
		this.values = values;
	}

	/**
	 * The top of a file; paths below it read "catalog/exercises.yaml: exercises[3].slug".
	 */
	static YamlNode root(String resource, Object value) {
		return of(resource + ":", value);
	}

	static YamlNode of(String path, Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new CatalogException(path + ": expected a mapping");
		}
		return new YamlNode(path, map);
	}

	/** Rejects keys the model does not know, which catches typos such as "holdSecond". */
	YamlNode allowing(Set<String> keys) {
		for (Object key : values.keySet()) {
			if (!keys.contains(String.valueOf(key))) {
				throw new CatalogException(path + ": unknown key '" + key + "'");
			}
		}
		return this;
	}

	/** The keys of this mapping, in document order. */
	List<String> keys() {
		return values.keySet().stream().map(String::valueOf).toList();
	}

	String string(String key) {
		String value = optionalString(key);
		if (value == null || value.isBlank()) {
			throw error(key, "expected a non-blank text");
		}
		return value;
	}

	/**
	 * A slug: lower-case words joined by hyphens, at most 80 characters, so it fits a URL
	 * path as it is.
	 */
	String slug(String key) {
		String value = string(key);
		if (value.length() > 80 || !SLUG.matcher(value).matches()) {
			throw error(key, "expected a slug (a-z, 0-9 and single hyphens, at most 80 characters)");
		}
		return value;
	}

	String optionalString(String key) {
		return typed(key, String.class);
	}

	int integer(String key) {
		Integer value = optionalInteger(key);
		if (value == null) {
			throw error(key, "expected a whole number");
		}
		return value;
	}

	Integer optionalInteger(String key) {
		return typed(key, Integer.class);
	}

	boolean bool(String key) {
		Boolean value = optionalBoolean(key);
		if (value == null) {
			throw error(key, "expected true or false");
		}
		return value;
	}

	Boolean optionalBoolean(String key) {
		return typed(key, Boolean.class);
	}

	List<String> strings(String key) {
		List<String> result = new ArrayList<>();
		List<?> items = list(key);
		for (int i = 0; i < items.size(); i++) {
			if (!(items.get(i) instanceof String text) || text.isBlank()) {
				throw new CatalogException(at(key) + "[" + i + "]: expected a non-blank text");
			}
			result.add(text);
		}
		return result;
	}

	List<String> optionalStrings(String key) {
		return values.get(key) == null ? List.of() : strings(key);
	}

	<E extends Enum<E>> E enumValue(String key, Class<E> type) {
		try {
			return CatalogValues.parse(type, string(key));
		}
		catch (IllegalArgumentException ex) {
			throw error(key, ex.getMessage());
		}
	}

	<E extends Enum<E>> List<E> enumValues(String key, Class<E> type) {
		List<E> result = new ArrayList<>();
		for (String value : strings(key)) {
			try {
				result.add(CatalogValues.parse(type, value));
			}
			catch (IllegalArgumentException ex) {
				throw error(key, ex.getMessage());
			}
		}
		return result;
	}

	YamlNode child(String key) {
		YamlNode child = optionalChild(key);
		if (child == null) {
			throw error(key, "expected a mapping");
		}
		return child;
	}

	/** {@code null} when the key is absent or explicitly null. */
	YamlNode optionalChild(String key) {
		Object value = values.get(key);
		return value == null ? null : of(at(key), value);
	}

	List<YamlNode> children(String key) {
		List<YamlNode> result = new ArrayList<>();
		List<?> items = list(key);
		for (int i = 0; i < items.size(); i++) {
			result.add(of(at(key) + "[" + i + "]", items.get(i)));
		}
		return result;
	}

	/** An empty list when the key is absent. */
	List<YamlNode> optionalChildren(String key) {
		return values.get(key) == null ? List.of() : children(key);
	}

	CatalogException error(String key, String message) {
		return new CatalogException(at(key) + ": " + message);
	}

	private String at(String key) {
		return path.endsWith(":") ? path + " " + key : path + "." + key;
	}

	private List<?> list(String key) {
		if (!(values.get(key) instanceof List<?> items)) {
			throw error(key, "expected a list");
		}
		return items;
	}

	private <T> T typed(String key, Class<T> type) {
		Object value = values.get(key);
		if (value != null && !type.isInstance(value)) {
			throw error(key, "expected " + type.getSimpleName() + " but found '" + value + "'");
		}
		return type.cast(value);
	}

}
