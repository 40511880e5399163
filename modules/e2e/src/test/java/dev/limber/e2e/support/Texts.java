package dev.limber.e2e.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import com.ibm.icu.text.MessageFormat;

/**
 * The labels a person reads, from the app's own message bundles, so that journeys find
 * buttons and links by what they say in the run's language.
 */
public final class Texts {

	private final Properties english;

	private final Properties localized;

	private final Locale locale;

	private Texts(Properties english, Properties localized, Locale locale) {
		this.english = english;
		this.localized = localized;
		this.locale = locale;
	}

	public static Texts of(Locale locale) {
		Path directory = Path.of(System.getProperty("limber.messages", "../app/src/main/resources"));
		// what the notifications module sends (push titles, mail) is in its own bundle
		Path notifications = directory.resolve("../../../../notifications/src/main/resources").normalize();
		Properties english = new Properties();
		Properties localized = new Properties();
		for (Path bundle : new Path[] { directory.resolve("messages"), notifications.resolve("notifications") }) {
			Properties base = load(Path.of(bundle + ".properties"));
			Path translation = Path.of(bundle + "_" + locale.getLanguage() + ".properties");
			english.putAll(base);
			localized.putAll(Files.exists(translation) ? load(translation) : base);
		}
		return new Texts(english, localized, locale);
	}

	/**
	 * The text of {@code key}, formatted the way the app's message source formats it
	 * (ICU).
	 */
	public String get(String key, Object... arguments) {
		String text = this.localized.getProperty(key, this.english.getProperty(key));
		if (text == null) {
			throw new IllegalArgumentException("No message " + key);
		}
		return (arguments.length == 0) ? text : new MessageFormat(text, this.locale).format(arguments);
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
