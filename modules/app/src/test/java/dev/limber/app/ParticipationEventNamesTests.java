package dev.limber.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.limber.programs.ParticipationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participation event names are the contract between modules and their one definition is
 * {@link ParticipationEvent}: code, SQL and tests bind them from there. A name typed
 * anywhere else would drift from it silently, so none may be.
 */
class ParticipationEventNamesTests {

	static final Path MODULES = Path.of("../../modules");

	static final Path DEFINITION = Path.of("programs/src/main/java/dev/limber/programs/ParticipationEvent.java");

	@Test
	void noEventNameIsWrittenOutsideTheEventType() {
		Map<Path, List<String>> found = namesBySource();

		assertThat(found).as("the scan must see the definition, or it proves nothing")
			.containsKey(MODULES.resolve(DEFINITION));
		assertThat(found.get(MODULES.resolve(DEFINITION))).hasSize(ParticipationEvent.Type.values().length);
		found.remove(MODULES.resolve(DEFINITION));
		assertThat(found).as("event names outside ParticipationEvent; bind ParticipationEvent.Type.stored()").isEmpty();
	}

	private static Map<Path, List<String>> namesBySource() {
		Map<Path, List<String>> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MODULES)) {
			files.filter(Files::isRegularFile)
				.filter((file) -> file.toString().contains("/src/") && !file.toString().contains("/node_modules/"))
				.forEach((file) -> {
					List<String> names = namesIn(read(file));
					if (!names.isEmpty()) {
						found.put(file, names);
					}
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static List<String> namesIn(String text) {
		return Stream.of(ParticipationEvent.Type.values())
			.map(ParticipationEvent.Type::stored)
			.filter(text::contains)
			.toList();
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
