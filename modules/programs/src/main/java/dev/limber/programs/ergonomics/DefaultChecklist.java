package dev.limber.programs.ergonomics;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.stereotype.Component;

/** The default workstation checklist, read once from {@code catalog/checklist.yaml}. */
@Component
public class DefaultChecklist {

	private final List<ChecklistSection> sections;

	public DefaultChecklist() {
		this.sections = load("catalog/checklist.yaml");
	}

	public List<ChecklistSection> sections() {
		return this.sections;
	}

	@SuppressWarnings("unchecked")
	static List<ChecklistSection> load(String resource) {
		try (InputStream in = DefaultChecklist.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return ((List<Map<String, Object>>) root.get("sections")).stream().map((section) -> {
				String id = (String) section.get("id");
				List<ChecklistItem> items = ((List<Map<String, Object>>) section.get("items")).stream()
					.map((item) -> new ChecklistItem((String) item.get("id"), id, (String) item.get("question"),
							(String) item.get("fix"), List.copyOf((List<String>) item.get("exercises")), false))
					.toList();
				return new ChecklistSection(id, (String) section.get("title"), items);
			}).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
	}

}
