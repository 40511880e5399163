package dev.limber.programs.illustration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.limber.programs.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates docs/illustrations.html from the catalog. When the committed sheet is stale
 * the test writes the new one and fails, so the fresh sheet gets reviewed and committed.
 */
class IllustrationContactSheetTests {

	@Test
	void theCommittedContactSheetShowsTheCurrentIllustrations() throws IOException {
		Path sheet = repositoryRoot().resolve("docs/illustrations.html");
		String fresh = ContactSheet.html(new CatalogLoader().load());
		String committed = Files.exists(sheet) ? Files.readString(sheet, StandardCharsets.UTF_8) : "";
		if (!committed.equals(fresh)) {
			Files.writeString(sheet, fresh, StandardCharsets.UTF_8);
		}
		assertThat(committed.equals(fresh))
			.as("docs/illustrations.html was stale and has been regenerated: review and commit it")
			.isTrue();
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("modules")))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root with docs/ and modules/").isNotNull();
		return dir;
	}

}
