package dev.limber.app.fuzz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The API as /v3/api-docs describes it: its operations, and plausible values for its
 * schemas.
 */
final class ApiModel {

	record Op(String method, String path, Operation operation) {

		List<Parameter> parameters(String in) {
			return (this.operation.getParameters() == null) ? List.of()
					: this.operation.getParameters().stream().filter((p) -> in.equals(p.getIn())).toList();
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	final OpenAPI api;

	private ApiModel(OpenAPI api) {
		this.api = api;
	}

	static ApiModel parse(String document) {
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
		if (parsed.getOpenAPI() == null) {
			throw new IllegalStateException("unreadable /v3/api-docs: " + parsed.getMessages());
		}
		return new ApiModel(parsed.getOpenAPI());
	}

	List<Op> operations() {
		List<Op> operations = new ArrayList<>();
		this.api.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> operations.add(new Op(method.name(), path, operation))));
		return operations;
	}

	Schema<?> resolve(Schema<?> schema) {
		Schema<?> current = schema;
		for (int depth = 0; current != null && current.get$ref() != null && depth < 10; depth++) {
			String ref = current.get$ref();
			current = this.api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return current;
	}

	static Set<String> types(Schema<?> schema) {
		if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
			return schema.getTypes();
		}
		if (schema.getType() != null) {
			return Set.of(schema.getType());
		}
		if (schema.getProperties() != null) {
			return Set.of("object");
		}
		return Set.of();
	}

	/** A value the schema accepts as far as its types, formats, enums and bounds say. */
	Object plausible(Schema<?> declared, Random random, Values values, int depth) {
		Schema<?> schema = resolve(declared);
		if (schema == null || depth > 6) {
			return null;
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			Object choice = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
			return (choice instanceof Enum<?> e) ? e.name().toLowerCase() : choice;
		}
		Set<String> types = types(schema);
		if (types.contains("object")) {
			Map<String, Object> object = new LinkedHashMap<>();
			if (schema.getProperties() != null) {
				schema.getProperties()
					.forEach((name, property) -> object.put(name, plausible(property, random, values, depth + 1)));
			}
			return object;
		}
		if (types.contains("array")) {
			List<Object> list = new ArrayList<>();
			if (schema.getItems() != null) {
				list.add(plausible(schema.getItems(), random, values, depth + 1));
			}
			return list;
		}
		if (types.contains("integer")) {
			long min = (schema.getMinimum() != null) ? schema.getMinimum().longValue() : 1;
			long max = (schema.getMaximum() != null) ? schema.getMaximum().longValue() : Math.max(min, 60);
			return min + (long) (random.nextDouble() * (max - min));
		}
		if (types.contains("number")) {
			return 1.5;
		}
		if (types.contains("boolean")) {
			return random.nextBoolean();
		}
		return values.text(schema.getFormat(), random);
	}

	/** Where in a generated body a hostile value can go: every property path. */
	static List<List<String>> leaves(Object value, List<String> prefix, List<List<String>> into) {
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				List<String> path = new ArrayList<>(prefix);
				path.add(String.valueOf(entry.getKey()));
				into.add(path);
				leaves(entry.getValue(), path, into);
			}
		}
		else if (value instanceof List<?> list && !list.isEmpty()) {
			List<String> path = new ArrayList<>(prefix);
			path.add("0");
			into.add(path);
			leaves(list.get(0), path, into);
		}
		return into;
	}

	/** A copy of maps and lists that can be changed in place. */
	static Object mutable(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), mutable(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((item) -> copy.add(mutable(item)));
			return copy;
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static void set(Object root, List<String> path, Object value) {
		Object current = root;
		for (int i = 0; i < path.size() - 1; i++) {
			current = (current instanceof Map<?, ?> map) ? map.get(path.get(i)) : ((List<Object>) current).get(0);
		}
		String last = path.get(path.size() - 1);
		if (current instanceof Map<?, ?> map) {
			((Map<String, Object>) map).put(last, value);
		}
		else if (current instanceof List<?> list) {
			((List<Object>) list).set(0, value);
		}
	}

	/**
	 * Plausible text values: ids of the caller's (or another) organization, dates in
	 * range, names.
	 */
	interface Values {

		String text(String format, Random random);

	}

	static <T> T pick(Collection<T> items, Random random) {
		List<T> list = List.copyOf(items);
		return list.get(random.nextInt(list.size()));
	}

}
