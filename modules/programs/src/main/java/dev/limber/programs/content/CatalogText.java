package dev.limber.programs.content;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Catalog text in the reader's language. Every text has a message key
 * ({@code catalog.exercise.<slug>.name}, {@code .step.<n>}, {@code .caution.<n>},
 * {@code catalog.routine.<slug>.name}, {@code .description}, {@code catalog.program.<slug>.name},
 * {@code .description}); a translation goes into {@code catalog_<lang>.properties}. The
 * YAML's English is the fallback, so a missing translation never shows a raw key.
 */
@Component("catalogText")
public class CatalogText {

	private final MessageSource messages;

	CatalogText(MessageSource messages) {
		this.messages = messages;
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

	private String text(String key, String english, Locale locale) {
		return this.messages.getMessage(key, null, english, locale);
	}

}
