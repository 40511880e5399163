package dev.limber.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * Where pictures of pages go: failures always (a test artifact under {@code target/}),
 * and the pages the README shows when {@code limber.screenshots} names a directory.
 */
final class Screenshots {

	private final Path failures;

	private final Path documentation;

	Screenshots(Path failures) {
		this.failures = failures;
		String configured = System.getProperty("limber.screenshots", "");
		this.documentation = configured.isBlank() ? null
				: Path.of(System.getProperty("limber.repository", ".")).resolve(configured);
	}

	/**
	 * The page as it looked, and the browser's requests until then (a stalled one has no
	 * answer).
	 */
	void failure(Page page, String name, List<String> network) {
		try {
			Files.createDirectories(this.failures);
			Files.write(this.failures.resolve(name + "-network.txt"), network);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			page.screenshot(
					new Page.ScreenshotOptions().setPath(this.failures.resolve(name + ".png")).setFullPage(true));
		}
		catch (PlaywrightException ex) {
			// a page stuck in navigation cannot be pictured; the network log says
			// where it stuck
		}
	}

	/**
	 * Documentation pictures are English; other languages are checked but not pictured.
	 */
	void documentation(Page page, String name, Run run) {
		if (this.documentation == null || !run.locale().getLanguage().equals("en")) {
			return;
		}
		String file = name + "-" + run.viewport().name().toLowerCase(Locale.ROOT) + ".png";
		page.screenshot(new Page.ScreenshotOptions().setPath(this.documentation.resolve(file)).setFullPage(true));
	}

}
