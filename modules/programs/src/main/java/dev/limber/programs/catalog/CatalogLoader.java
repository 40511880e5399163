package dev.limber.programs.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the exercise, routine and program catalog from the classpath. Plain Java on
 * purpose: content tools and tests can load the catalog without starting Spring.
 */
public final class CatalogLoader {

	public static final String EXERCISES = "catalog/exercises.yaml";

	public static final String ROUTINES = "catalog/routines.yaml";

	public static final String PROGRAMS = "catalog/programs.yaml";

	private final ClassLoader classLoader;

	public CatalogLoader() {
		this(CatalogLoader.class.getClassLoader());
	}

	public CatalogLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** Loads and cross-checks all three files; fails on the first content mistake. */
	public Catalog load() {
		return new Catalog(read(EXERCISES, "exercises", CatalogMapping::exercise),
				read(ROUTINES, "routines", CatalogMapping::routine),
				read(PROGRAMS, "programs", CatalogMapping::program));
	}

	private <T> List<T> read(String resource, String rootKey, Function<YamlNode, T> mapping) {
		YamlNode root = YamlNode.root(resource, parse(resource));
		return root.children(rootKey).stream().map(mapping).toList();
	}

	private Object parse(String resource) {
		InputStream stream = classLoader.getResourceAsStream(resource);
		if (stream == null) {
			throw new CatalogException(resource + ": not found on the classpath");
		}
		// SafeConstructor: the catalog is plain data and must never instantiate classes.
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
			return yaml.load(reader);
		}
		catch (IOException | RuntimeException ex) {
			throw new CatalogException(resource + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads one exercise written like an entry of exercises.yaml (for organizations' own
	 * content).
	 */
	public static Exercise exercise(Map<String, Object> document) {
		return CatalogMapping.exercise(YamlNode.of("exercise", document));
	}

	/** Reads one routine written like an entry of routines.yaml. */
	public static Routine routine(Map<String, Object> document) {
		return CatalogMapping.routine(YamlNode.of("routine", document));
	}

}
