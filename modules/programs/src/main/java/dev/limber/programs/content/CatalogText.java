package dev.limber.programs.content;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Program;
import dev.limber.programs.ergonomics.ChecklistSection;
import dev.limber.programs.ergonomics.DefaultChecklist;

/**
 * Catalog text in the reader's language. The English is the catalog's own (the YAML under
 * {@code catalog/}, the warning signs); a translation lives in
 * {@code catalog_<lang>.properties} under a key made from where the text sits:
 * <ul>
 * <li>{@code catalog.exercise.<slug>.name}, {@code .step.<n>}, {@code .caution.<n>},
 * {@code .dosageNote}</li>
 * <li>{@code catalog.routine.<slug>.name}, {@code .description},
 * {@code .step.<n>.note}</li>
 * <li>{@code catalog.program.<slug>.name}, {@code .description}, {@code .week.<w>.focus},
 * {@code .week.<w>.day.<d>.note}</li>
 * <li>{@code catalog.checklist.section.<id>.title},
 * {@code catalog.checklist.item.<id>.question}, {@code .fix}</li>
 * <li>{@code catalog.muscle.<english, lower case, spaces as hyphens>},
 * {@code catalog.warningSign.<n>}, {@code catalog.screeningAdvice}</li>
 * </ul>
 * The English is always the fallback, so a missing translation never shows a raw key, and
 * an organization's own content (which has no key) shows as written.
 */
@Component("catalogText")
public class CatalogText {

	private final MessageSource messages;

	private final Catalog catalog;

	private final DefaultChecklist checklist;

	CatalogText(MessageSource messages, Catalog catalog, DefaultChecklist checklist) {
		this.messages = messages;
		this.catalog = catalog;
		this.checklist = checklist;
	}

	public String exercise(String slug, String part, String english, Locale locale) {
		return text("catalog.exercise." + slug + "." + part, english, locale);
	}

	public String routine(String slug, String part, String english, Locale locale) {
		return text("catalog.routine." + slug + "." + part, english, locale);
	}

	public String program(String slug, String part, String english, Locale locale) {
		return text("catalog.program." + slug + "." + part, english, locale);
	}

	/**
	 * {@code part} is {@code section.<id>.title}, {@code item.<id>.question} or
	 * {@code item.<id>.fix}.
	 */
	public String checklist(String part, String english, Locale locale) {
		return text("catalog.checklist." + part, english, locale);
	}

	public String muscle(String english, Locale locale) {
		return text("catalog.muscle." + muscleKey(english), english, locale);
	}

	/**
	 * "whole body (no specific target muscle)" becomes
	 * "whole-body-no-specific-target-muscle".
	 */
	static String muscleKey(String english) {
		return english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	/** {@code number} counts from 1, in the order of the English list. */
	public String warningSign(int number, String english, Locale locale) {
		return text("catalog.warningSign." + number, english, locale);
	}

	public String screeningAdvice(String english, Locale locale) {
		return text("catalog.screeningAdvice", english, locale);
	}

	/**
	 * The name of a logged routine or exercise; anything else (a free activity) as it was
	 * logged.
	 */
	public String activityName(String slug, Locale locale) {
		return this.catalog.routine(slug)
			.map((routine) -> routine(slug, "name", routine.name(), locale))
			.or(() -> this.catalog.exercise(slug).map((exercise) -> exercise(slug, "name", exercise.name(), locale)))
			.orElse(slug);
	}

	/**
	 * A program's name by slug alone, for pages that only know the slug (the HR
	 * dashboard).
	 */
	public String programName(String slug, Locale locale) {
		return this.catalog.program(slug)
			.map(Program::name)
			.map((name) -> program(slug, "name", name, locale))
			.orElse(slug);
	}

	/**
	 * A checklist section's title by id alone, for pages that only know the id (the HR
	 * dashboard).
	 */
	public String checklistSection(String id, Locale locale) {
		return this.checklist.sections()
			.stream()
			.filter((section) -> section.id().equals(id))
			.findFirst()
			.map(ChecklistSection::title)
			.map((title) -> checklist("section." + id + ".title", title, locale))
			.orElse(id);
	}

	private String text(String key, String english, Locale locale) {
		return this.messages.getMessage(key, null, english, locale);
	}

}
