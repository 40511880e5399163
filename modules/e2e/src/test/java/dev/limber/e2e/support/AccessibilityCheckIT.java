package dev.limber.e2e.support;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check every journey runs on every page must still fail where a person could not use
 * the page: axe-core runs in the page itself and reports violations only (a third of the
 * time of its default run, which opens a second page to merge results), so this shows
 * that a page with serious violations of each kind the portal could produce fails, and
 * that an accessible page passes.
 */
class AccessibilityCheckIT {

	private static final String ACCESSIBLE = """
			<!DOCTYPE html><html lang="en"><head><title>Fine</title></head><body><main>
			<h1>Library</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A stretch">
			<label for="area">Body area</label><input id="area" name="area">
			<button type="submit">Show exercises</button></main></body></html>""";

	private static final String INACCESSIBLE = """
			<!DOCTYPE html><html><head><title>Broken</title></head><body><main>
			<h1>Library</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
			<input id="area" name="area"><button type="submit"></button>
			<p style="color:#bbbbbb;background:#ffffff">Hold for 30 seconds</p></main></body></html>""";

	private static Playwright playwright;

	private static Browser browser;

	@BeforeAll
	static void launch() {
		Path chromium = BrowserSuite.chromium();
		playwright = Suite.playwright();
		browser = Suite.launch(playwright, chromium);
	}

	@AfterAll
	static void close() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void aPageWithSeriousViolationsFailsAndNamesEach(@TempDir Path work) {
		Page page = browser.newPage();
		page.setContent(INACCESSIBLE);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new Accessibility(work).check(page, "broken page"))
			.withMessageContaining("html-has-lang")
			.withMessageContaining("image-alt")
			.withMessageContaining("label")
			.withMessageContaining("button-name")
			.withMessageContaining("color-contrast");
	}

	@Test
	void anAccessiblePagePasses(@TempDir Path work) {
		Page page = browser.newPage();
		page.setContent(ACCESSIBLE);
		Accessibility accessibility = new Accessibility(work);
		accessibility.check(page, "fine page");
		assertThat(work.resolve("axe-report.txt")).content().contains("fine page: no violations");
	}

}
