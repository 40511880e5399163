package dev.limber.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation.
 * Every violation, whatever its impact, is also appended to {@code axe-report.txt}, so
 * moderate and minor findings stay visible without failing the build. axe runs inside the
 * page and reports violations only: the default mode opens a second page per check to
 * merge the results of frames, which the portal has none of, and took three times as long
 * ({@code AccessibilityCheckIT} shows the check still fails where it must).
 */
final class Accessibility {

	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	private static final AxeRunOptions VIOLATIONS_ONLY = violationsOnly();

	private final Path report;

	private int pagesChecked;

	private long nanosChecking;

	Accessibility(Path work) {
		this.report = work.resolve("axe-report.txt");
		try {
			Files.createDirectories(work);
			Files.writeString(this.report, "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void check(Page page, String where) {
		long started = System.nanoTime();
		List<Rule> violations = new AxeBuilder(page).setLegacyMode(true)
			.options(VIOLATIONS_ONLY)
			.analyze()
			.getViolations();
		this.nanosChecking += System.nanoTime() - started;
		this.pagesChecked++;
		record(where, violations);
		List<Rule> blocking = violations.stream().filter((rule) -> BLOCKING.contains(rule.getImpact())).toList();
		assertThat(blocking)
			.as(() -> "serious or critical accessibility violations on " + where + ":\n" + describe(blocking))
			.isEmpty();
	}

	/**
	 * Closes the report with the number of pages checked, which the build log shows too.
	 */
	void summarize() {
		String summary = "axe-core checked " + this.pagesChecked + " pages in "
				+ Duration.ofNanos(this.nanosChecking).toSeconds() + " s; report: " + this.report.toAbsolutePath();
		System.out.println(summary);
		try {
			Files.writeString(this.report, summary + "\n", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void record(String where, List<Rule> violations) {
		String lines = violations.isEmpty() ? where + ": no violations\n" : where + ":\n" + describe(violations);
		try {
			Files.writeString(this.report, lines, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static AxeRunOptions violationsOnly() {
		AxeRunOptions options = new AxeRunOptions();
		options.setResultTypes(List.of("violations"));
		return options;
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> "  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + "\n"
					+ rule.getNodes()
						.stream()
						.map((node) -> "      " + node.getTarget() + " " + node.getFailureSummary())
						.collect(Collectors.joining("\n")))
			.collect(Collectors.joining("\n")) + "\n";
	}

}
