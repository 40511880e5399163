package dev.limber.app.language;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English and German bundles (the UI's and what the notifications module sends) have
 * exactly the same keys, every German text is a translation rather than the English
 * copied over, and every key a template names exists.
 */
class MessageBundleTests {

	/** Words that are the same in both languages. */
	private static final Set<String> SAME_IN_GERMAN = Set.of("Teams", "Team", "Name", "Start", "Pause", "Challenge",
			"Challenges");

	/**
	 * A literal key in a template: #{nav.home} or #{home.hello(...)}; built keys
	 * ('admin.done.' + ...) are skipped.
	 */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[(}]");

	/** The bundles with an English base file and a German twin. */
	private static final List<String> BUNDLES = List.of("messages", "notifications");

	private final Properties english = new Properties();

	MessageBundleTests() {
		BUNDLES.forEach((bundle) -> this.english.putAll(load(bundle + ".properties")));
	}

	@Test
	void bothLanguagesOfEachBundleHaveTheSameKeys() {
		for (String bundle : BUNDLES) {
			assertThat(load(bundle + "_de.properties").stringPropertyNames()).as(bundle)
				.containsExactlyInAnyOrderElementsOf(load(bundle + ".properties").stringPropertyNames());
		}
	}

	@Test
	void aKeyLivesInOneBundle() {
		assertThat(this.english)
			.hasSize(BUNDLES.stream().mapToInt((bundle) -> load(bundle + ".properties").size()).sum());
	}

	@Test
	void germanIsTranslatedNotCopied() {
		for (String bundle : BUNDLES) {
			Properties german = load(bundle + "_de.properties");
			Properties english = load(bundle + ".properties");
			for (String key : english.stringPropertyNames()) {
				String text = english.getProperty(key);
				if (SAME_IN_GERMAN.contains(text) || !hasWords(text)) {
					continue;
				}
				assertThat(german.getProperty(key)).as(key).isNotEqualTo(text);
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> missing = new TreeSet<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/**/*.html")) {
			Matcher key = TEMPLATE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (key.find()) {
				if (!this.english.containsKey(key.group(1))) {
					missing.add(template.getFilename() + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/** "{0} s" or "{0}–{1}" are formats, not words: they read the same in German. */
	private static boolean hasWords(String text) {
		return text.replaceAll("\\{[^}]*}", "").matches("(?s).*\\p{L}{2,}.*");
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(MessageBundleTests.class.getClassLoader().getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
