package dev.limber.programs.content;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogLoader;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Program;
import dev.limber.programs.catalog.ProgramDay;
import dev.limber.programs.catalog.ProgramWeek;
import dev.limber.programs.catalog.Routine;
import dev.limber.programs.ergonomics.ChecklistItem;
import dev.limber.programs.ergonomics.ChecklistSection;
import dev.limber.programs.ergonomics.DefaultChecklist;
import dev.limber.programs.screening.WarningSigns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The German catalog is complete and has nothing left over: every English text of the
 * catalog (exercises, routines, programs, checklist, warning signs) has a German key in
 * {@code catalog_de.properties}, every German key belongs to an English text, and no
 * German text is the English one copied over.
 */
class CatalogTranslationTests {

	/** Names that are the same in German. */
	private static final Set<String> SAME_IN_GERMAN = Set.of("Superman");

	@Test
	void everyCatalogTextHasGermanAndEveryGermanKeyHasAnEnglishText() throws IOException {
		Map<String, String> english = englishTexts();
		Properties german = german();
		assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@Test
	void noGermanTextIsTheEnglishOne() throws IOException {
		Map<String, String> english = englishTexts();
		Properties german = german();
		english.forEach((key, text) -> {
			if (!SAME_IN_GERMAN.contains(text)) {
				assertThat(german.getProperty(key)).as(key).isNotEqualToIgnoringCase(text);
			}
		});
	}

	private static Properties german() throws IOException {
		Properties german = new Properties();
		try (Reader in = new InputStreamReader(
				CatalogTranslationTests.class.getClassLoader().getResourceAsStream("catalog_de.properties"),
				StandardCharsets.UTF_8)) {
			german.load(in);
		}
		return german;
	}

	/** Every catalog text under the key CatalogText looks it up by. */
	private static Map<String, String> englishTexts() {
		Catalog catalog = new CatalogLoader().load();
		Map<String, String> texts = new LinkedHashMap<>();
		for (Exercise exercise : catalog.exercises()) {
			String key = "catalog.exercise." + exercise.slug();
			texts.put(key + ".name", exercise.name());
			numbered(texts, key + ".step.", exercise.steps());
			numbered(texts, key + ".caution.", exercise.cautions());
			if (exercise.dosage().note() != null) {
				texts.put(key + ".dosageNote", exercise.dosage().note());
			}
			exercise.muscles()
				.forEach((muscle) -> texts.put("catalog.muscle." + CatalogText.muscleKey(muscle), muscle));
		}
		for (Routine routine : catalog.routines()) {
			String key = "catalog.routine." + routine.slug();
			texts.put(key + ".name", routine.name());
			texts.put(key + ".description", routine.description());
			for (int n = 1; n <= routine.steps().size(); n++) {
				String note = routine.steps().get(n - 1).note();
				if (note != null) {
					texts.put(key + ".step." + n + ".note", note);
				}
			}
		}
		for (Program program : catalog.programs()) {
			String key = "catalog.program." + program.slug();
			texts.put(key + ".name", program.name());
			texts.put(key + ".description", program.description());
			for (ProgramWeek week : program.weeks()) {
				texts.put(key + ".week." + week.week() + ".focus", week.focus());
				for (ProgramDay day : week.days()) {
					if (day.note() != null) {
						texts.put(key + ".week." + week.week() + ".day." + day.day() + ".note", day.note());
					}
				}
			}
		}
		for (ChecklistSection section : new DefaultChecklist().sections()) {
			texts.put("catalog.checklist.section." + section.id() + ".title", section.title());
			for (ChecklistItem item : section.items()) {
				texts.put("catalog.checklist.item." + item.id() + ".question", item.question());
				texts.put("catalog.checklist.item." + item.id() + ".fix", item.fix());
			}
		}
		numbered(texts, "catalog.warningSign.", WarningSigns.ALL);
		texts.put("catalog.screeningAdvice", WarningSigns.ADVICE);
		return texts;
	}

	private static void numbered(Map<String, String> texts, String prefix, List<String> values) {
		for (int n = 1; n <= values.size(); n++) {
			texts.put(prefix + n, values.get(n - 1));
		}
	}

}
