package dev.limber.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md draws the Maven module graph ("maven-module-graph"): the same
 * modules and the same dependencies as the POMs, so the picture a newcomer reads cannot
 * drift from the build. Test-scoped dependencies (the kernel's test-jar, e2e starting the
 * jars) are left out.
 */
class ModuleGraphDocumentationTests {

	static final Path ROOT = Path.of("../..");

	static final Path ARCHITECTURE = ROOT.resolve("docs/architecture.md");

	static final String PREFIX = "limber-";

	static final Pattern EDGE = Pattern.compile("^\\s*([a-z0-9-]+)\\s*-->\\s*([a-z0-9-]+)\\s*$");

	static final Pattern NODE = Pattern.compile("^\\s*([a-z0-9-]+)\\s*$");

	@Test
	void theDocumentedModuleGraphIsTheMavenGraph() throws Exception {
		Graph maven = mavenGraph();
		Graph documented = documentedGraph();

		assertThat(maven.modules()).as("the scan must find the modules").contains("kernel", "app");
		assertThat(maven.edges()).as("the scan must find dependencies").contains("app --> kernel");
		assertThat(documented.modules()).as("modules in docs/architecture.md's maven-module-graph")
			.isEqualTo(maven.modules());
		assertThat(documented.edges()).as("dependencies in docs/architecture.md's maven-module-graph")
			.isEqualTo(maven.edges());
	}

	@Test
	void aMissingDependencyIsNoticed() throws Exception {
		Graph maven = mavenGraph();
		Set<String> fewer = new TreeSet<>(maven.edges());
		fewer.remove("challenges --> programs");
		assertThat(new Graph(maven.modules(), fewer)).isNotEqualTo(maven);
	}

	static Graph documentedGraph() throws IOException {
		List<String> lines = Files.readAllLines(ARCHITECTURE);
		int start = lines.indexOf(lines.stream()
			.filter((line) -> line.contains("%% maven-module-graph"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("docs/architecture.md has no %% maven-module-graph block")));
		Set<String> modules = new TreeSet<>();
		Set<String> edges = new TreeSet<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("```")) {
				break;
			}
			Matcher edge = EDGE.matcher(line);
			Matcher node = NODE.matcher(line);
			if (edge.matches()) {
				modules.add(edge.group(1));
				modules.add(edge.group(2));
				edges.add(edge.group(1) + " --> " + edge.group(2));
			}
			else if (node.matches()) {
				modules.add(node.group(1));
			}
		}
		return new Graph(modules, edges);
	}

	static Graph mavenGraph() throws Exception {
		Set<String> modules = new TreeSet<>();
		Set<String> edges = new TreeSet<>();
		for (String path : childTexts(read(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
			Element pom = read(ROOT.resolve(path).resolve("pom.xml")).getDocumentElement();
			String module = name(childText(pom, "artifactId"));
			modules.add(module);
			for (Element dependency : children(child(pom, "dependencies"), "dependency")) {
				if ("dev.limber".equals(childText(dependency, "groupId"))
						&& !"test".equals(childText(dependency, "scope"))) {
					edges.add(module + " --> " + name(childText(dependency, "artifactId")));
				}
			}
		}
		return new Graph(modules, edges);
	}

	private static String name(String artifactId) {
		return artifactId.startsWith(PREFIX) ? artifactId.substring(PREFIX.length()) : artifactId;
	}

	private static Document read(Path pom) throws Exception {
		return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(pom.toFile());
	}

	private static List<String> childTexts(Element parent, String container, String name) {
		return children(child(parent, container), name).stream().map(Node::getTextContent).map(String::trim).toList();
	}

	private static String childText(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().trim() : null;
	}

	private static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
				found.add(element);
			}
		}
		return found;
	}

	record Graph(Set<String> modules, Set<String> edges) {
	}

}
