package dev.limber.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.Yaml;

/** The chart's objects as {@code helm template} renders them, one map per object. */
final class RenderedChart {

	static final Path CHART = Path.of("helm", "limber");

	private final List<Map<String, Object>> objects;

	private RenderedChart(List<Map<String, Object>> objects) {
		this.objects = objects;
	}

	/**
	 * Renders release {@code limber} with the given values (name=value, as
	 * {@code --set}).
	 */
	@SuppressWarnings("unchecked")
	static RenderedChart render(Map<String, String> values) {
		TemplateCommand template = new Helm(CHART).template().withName("limber").withNamespace("wellness");
		values.forEach(template::set);
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml().loadAll(template.call())) {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		}
		return new RenderedChart(objects);
	}

	List<Map<String, Object>> objects() {
		return this.objects;
	}

	List<String> kinds() {
		return this.objects.stream().map((object) -> (String) object.get("kind")).sorted().toList();
	}

	Map<String, Object> one(String kind) {
		List<Map<String, Object>> matching = all(kind);
		if (matching.size() != 1) {
			throw new AssertionError("Expected one " + kind + " but found " + matching.size());
		}
		return matching.get(0);
	}

	List<Map<String, Object>> all(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	/**
	 * Follows a path of map keys and list indexes, e.g.
	 * {@code "spec", "template", "spec"}.
	 */
	@SuppressWarnings("unchecked")
	static <T> T at(Object node, Object... path) {
		Object current = node;
		for (Object step : path) {
			current = (step instanceof Integer index) ? ((List<Object>) current).get(index)
					: ((Map<String, Object>) current).get(step);
		}
		return (T) current;
	}

}
