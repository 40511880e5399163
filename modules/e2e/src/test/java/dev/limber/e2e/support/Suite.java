package dev.limber.e2e.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * What every journey shares, started once per test run and closed after the last one:
 * Limber with its identity provider, and one headless Debian Chromium.
 */
final class Suite implements AutoCloseable {

	/**
	 * Quiet, offline, and container-friendly: no sandbox (root in CI), no GPU, no phoning
	 * home.
	 */
	private static final List<String> CHROMIUM_ARGUMENTS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--disable-quic");

	private final LimberServers servers;

	private final Playwright playwright;

	private final Browser browser;

	private final Accessibility accessibility;

	private final Screenshots screenshots;

	private final Path failures;

	private Suite(LimberServers servers, Playwright playwright, Browser browser, Path work) {
		this.servers = servers;
		this.playwright = playwright;
		this.browser = browser;
		this.accessibility = new Accessibility(work);
		this.failures = work.resolve("failures");
		this.screenshots = new Screenshots(this.failures);
	}

	static Suite start(Path chromium, Path work) {
		LimberServers servers = LimberServers.start();
		try {
			Playwright playwright = playwright();
			return new Suite(servers, playwright, launch(playwright, chromium), work);
		}
		catch (RuntimeException ex) {
			servers.close();
			throw ex;
		}
	}

	static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	static Browser launch(Playwright playwright, Path chromium) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(CHROMIUM_ARGUMENTS));
	}

	/** A fresh browser profile (no cookies) at the run's width and language. */
	Visit visit(Run run) {
		BrowserContext context = this.browser
			.newContext(new Browser.NewContextOptions().setViewportSize(run.viewport().width(), run.viewport().height())
				.setIsMobile(run.viewport() == Run.Viewport.PHONE)
				.setHasTouch(run.viewport() == Run.Viewport.PHONE)
				.setLocale(run.locale().toLanguageTag())
				.setAcceptDownloads(true));
		context.setDefaultTimeout(15_000);
		return new Visit(context, run, this.servers.appUrl(), this.accessibility, this.screenshots);
	}

	/**
	 * What both servers were doing when a journey failed: a stall shows there, not in the
	 * browser.
	 */
	void serversFailed(String name) {
		this.servers.dumpThreads(this.failures, name);
	}

	@Override
	public void close() {
		try {
			this.accessibility.summarize();
			this.browser.close();
			this.playwright.close();
		}
		finally {
			this.servers.close();
		}
	}

}
