package dev.limber.app.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Limber speaks; English is the default and the fallback. */
final class Languages {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

	static final Locale DEFAULT = Locale.ENGLISH;

	private Languages() {
	}

	/** The supported language with this ISO code ("en", "de"), if there is one. */
	static Optional<Locale> of(String code) {
		return SUPPORTED.stream().filter((locale) -> locale.getLanguage().equals(code)).findFirst();
	}

	/**
	 * The locale to format with: the browser's own variant of {@code language} when it
	 * asked for one (de-AT, en-GB: their dates and week starts), else the language's main
	 * region.
	 */
	static Locale withRegion(Locale language, List<Locale> requested) {
		return requested.stream()
			.filter((locale) -> locale.getLanguage().equals(language.getLanguage()) && !locale.getCountry().isEmpty())
			.findFirst()
			.orElseGet(() -> Locale.GERMAN.equals(language) ? Locale.GERMANY : Locale.US);
	}

}
