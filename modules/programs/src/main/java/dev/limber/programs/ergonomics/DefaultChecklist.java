package dev.limber.programs.ergonomics;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.stereotype.Component;

/** The default workstation checklist, read once from {@code catalog/checklist.yaml}. */
@Component
public class DefaultChecklist {

	private static final String RESOURCE = "catalog/checklist.yaml";

	private final List<ChecklistSection> sections;

	private final Map<String, String> sources;

	public DefaultChecklist() {
		List<Map<String, Object>> sections = read(RESOURCE);
		this.sections = sections(sections);
		this.sources = sources(sections);
	}

	public List<ChecklistSection> sections() {
		return this.sections;
	}

	/**
	 * The article an item's advice comes from, for the items that name one; otherwise
	 * null.
	 */
	public String source(String itemId) {
		return this.sources.get(itemId);
	}

	@SuppressWarnings("unchecked")
	private static List<ChecklistSection> sections(List<Map<String, Object>> sections) {
		return sections.stream().map((section) -> {
			String id = (String) section.get("id");
			List<ChecklistItem> items = ((List<Map<String, Object>>) section.get("items")).stream()
				.map((item) -> new ChecklistItem((String) item.get("id"), id, (String) item.get("question"),
						(String) item.get("fix"), List.copyOf((List<String>) item.get("exercises")), false))
				.toList();
			return new ChecklistSection(id, (String) section.get("title"), items);
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> sources(List<Map<String, Object>> sections) {
		Map<String, String> sources = new HashMap<>();
		for (Map<String, Object> section : sections) {
			for (Map<String, Object> item : (List<Map<String, Object>>) section.get("items")) {
				if (item.get("source") != null) {
					sources.put((String) item.get("id"), (String) item.get("source"));
				}
			}
		}
		return Map.copyOf(sources);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> read(String resource) {
		try (InputStream in = DefaultChecklist.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return (List<Map<String, Object>>) root.get("sections");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
	}

}
