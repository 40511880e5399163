package dev.limber.app.language;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import dev.limber.kernel.language.IcuMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages are formatted with ICU: plural forms follow each language's rules, and no
 * message of any bundle (UI, catalog or notifications) comes out with a brace, a doubled
 * or a lost apostrophe.
 */
class MessageFormattingTests {

	private static final Locale GERMAN = Locale.GERMAN;

	private final IcuMessageSource messages = messages();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0 | Streak: no days yet       | Serie: noch keine Tage
			1 | Streak: 1 day in a row    | Serie: 1 Tag am Stück
			2 | Streak: 2 days in a row   | Serie: 2 Tage am Stück
			""")
	void aStreakIsCountedInEachLanguagesPlural(int days, String english, String german) {
		assertThat(this.messages.getMessage("home.streak", new Object[] { days }, Locale.ENGLISH)).isEqualTo(english);
		assertThat(this.messages.getMessage("home.streak", new Object[] { days }, GERMAN)).isEqualTo(german);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			library.count    | 0 | No exercises         | Keine Übungen
			library.count    | 1 | 1 exercise           | 1 Übung
			library.count    | 2 | 2 exercises          | 2 Übungen
			exercise.minutes | 1 | 1 minute             | 1 Minute
			exercise.minutes | 2 | 2 minutes            | 2 Minuten
			checklist.toFix  | 0 | 0 things to improve  | 0 Punkte zu verbessern
			checklist.toFix  | 1 | 1 thing to improve   | 1 Punkt zu verbessern
			checklist.toFix  | 2 | 2 things to improve  | 2 Punkte zu verbessern
			programs.weeks   | 1 | 1 week               | 1 Woche
			programs.weeks   | 2 | 2 weeks              | 2 Wochen
			player.repsOf    | 1 | 1 rep                | 1 Wdh.
			player.repsOf    | 2 | 2 reps               | 2 Wdh.
			player.total     | 0 | About 0 minutes      | Etwa 0 Minuten
			player.total     | 1 | About 1 minute       | Etwa 1 Minute
			player.total     | 2 | About 2 minutes      | Etwa 2 Minuten
			""")
	void countsTakeTheirPluralForm(String key, int count, String english, String german) {
		assertThat(this.messages.getMessage(key, new Object[] { count }, Locale.ENGLISH)).isEqualTo(english);
		assertThat(this.messages.getMessage(key, new Object[] { count }, GERMAN)).isEqualTo(german);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					1 | The figures of one closed period are being prepared | Die Zahlen eines abgeschlossenen Zeitraums werden gerade
					3 | The figures of 3 closed periods are being prepared  | Die Zahlen von 3 abgeschlossenen Zeiträumen werden gerade
					""")
	void aSentenceAroundTheCountAgreesWithIt(int periods, String english, String german) {
		assertThat(this.messages.getMessage("hr.preparing", new Object[] { periods }, Locale.ENGLISH))
			.startsWith(english);
		assertThat(this.messages.getMessage("hr.preparing", new Object[] { periods }, GERMAN)).startsWith(german);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "de" })
	void everyMessageFormatsWithoutArtefacts(String language) throws IOException {
		Locale locale = Locale.forLanguageTag(language);
		String suffix = language.equals("en") ? "" : "_" + language;
		Object[] samples = new Object[10];
		Arrays.fill(samples, 2);
		int checked = 0;
		for (String bundle : new String[] { "messages", "catalog", "notifications" }) {
			Properties patterns = load(bundle + suffix + ".properties");
			for (String key : patterns.stringPropertyNames()) {
				String pattern = patterns.getProperty(key);
				String formatted = this.messages.getMessage(key, samples, locale);
				assertThat(formatted).as(key).doesNotContain("{", "}", "''");
				assertThat(apostrophes(formatted)).as("%s keeps its apostrophes", key).isEqualTo(apostrophes(pattern));
				assertThat(this.messages.getMessage(key, null, locale)).as(key).isEqualTo(pattern);
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(450);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "de" })
	void aDefaultMessageIsFormattedTheSameWay(String language) {
		assertThat(this.messages.getMessage("no.such.key", new Object[] { 1 },
				"{0, plural, one {# day} other {# days}} of Erin's streak", Locale.forLanguageTag(language)))
			.isEqualTo("1 day of Erin's streak");
	}

	private static long apostrophes(String text) {
		return text.chars().filter((c) -> c == '\'').count();
	}

	private static IcuMessageSource messages() {
		IcuMessageSource messages = new IcuMessageSource();
		messages.setBasenames("messages", "catalog", "notifications");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
