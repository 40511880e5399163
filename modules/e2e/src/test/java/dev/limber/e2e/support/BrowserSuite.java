package dev.limber.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs browser journeys: skips them with a plain message when Chromium is missing (or
 * fails, when {@code LIMBER_REQUIRE_BROWSER=1}, as in CI), starts the {@link Suite} once
 * for all journey classes, hands each journey its {@link Visits}, and after each journey
 * keeps a screenshot of every open page if it failed, or else checks that every page was
 * checked.
 */
public final class BrowserSuite implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSuite.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Path chromium = chromium();
		Path work = Path.of(System.getProperty("limber.e2e.work", "target/e2e"));
		// a suite that failed to start is not started again for every journey class
		Started started = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Started.class, (key) -> Started.attempt(chromium, work), Started.class);
		if (started.failure() != null) {
			throw started.failure();
		}
	}

	/**
	 * Debian's Chromium; without it the calling test is skipped, or fails where the
	 * browser is required (CI).
	 */
	static Path chromium() {
		Path chromium = Path.of(System.getProperty("limber.chromium", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			String message = "Chromium is not installed at " + chromium
					+ ", so the browser journeys cannot run (Debian/Ubuntu: sudo apt-get install -y chromium)";
			if (required()) {
				throw new IllegalStateException(message + "; LIMBER_REQUIRE_BROWSER is set, so this is a failure");
			}
			Assumptions.abort(message + "; skipped");
		}
		return chromium;
	}

	private static boolean required() {
		String value = System.getenv("LIMBER_REQUIRE_BROWSER");
		return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Visits.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Suite suite = context.getRoot().getStore(NAMESPACE).get(Started.class, Started.class).suite();
		Visits visits = new Visits(suite);
		context.getStore(NAMESPACE).put(Visits.class, visits);
		return visits;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Visits visits = context.getStore(NAMESPACE).remove(Visits.class, Visits.class);
		if (visits == null) {
			return;
		}
		try {
			if (context.getExecutionException().isPresent()) {
				visits.failed(context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName());
			}
			else {
				visits.assertEveryPageChecked();
			}
		}
		finally {
			visits.close();
		}
	}

	/**
	 * The shared suite, or why it could not start; closed by JUnit after the last
	 * journey.
	 */
	private record Started(Suite suite, RuntimeException failure) implements AutoCloseable {

		static Started attempt(Path chromium, Path work) {
			try {
				return new Started(Suite.start(chromium, work), null);
			}
			catch (RuntimeException ex) {
				return new Started(null, ex);
			}
		}

		@Override
		public void close() {
			if (this.suite != null) {
				this.suite.close();
			}
		}

	}

}
