package dev.limber.e2e.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person in one browser profile. Journeys act through it as a person would (links,
 * buttons and fields found by what they say), and confirm each page they land on with
 * {@link #arrivedAt(String)}, which runs the accessibility check; a page that was visited
 * but never checked fails the journey.
 */
public final class Visit implements AutoCloseable {

	/**
	 * The innermost elements that reach past the screen's right edge, for the failure
	 * message.
	 */
	private static final String TOO_WIDE = """
			(width) => [...document.querySelectorAll('body *')]
			  .filter((e) => e.getBoundingClientRect().right > width)
			  .filter((e) => !e.parentElement.closest('.table-scroll, [style*=overflow]'))
			  .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width))
			  .slice(0, 5)
			  .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' '
			    + Math.round(e.getBoundingClientRect().right) + 'px')""";

	private final BrowserContext context;

	private final Page page;

	private final Run run;

	private final Texts texts;

	private final String baseUrl;

	private final Accessibility accessibility;

	private final Screenshots screenshots;

	private final Set<String> visited = new LinkedHashSet<>();

	private final Set<String> checked = new LinkedHashSet<>();

	/** What the browser asked for and got, kept for the failure report. */
	private final List<String> network = Collections.synchronizedList(new ArrayList<>());

	Visit(BrowserContext context, Run run, String baseUrl, Accessibility accessibility, Screenshots screenshots) {
		this.context = context;
		this.page = context.newPage();
		this.run = run;
		this.texts = Texts.of(run.locale());
		this.baseUrl = baseUrl;
		this.accessibility = accessibility;
		this.screenshots = screenshots;
		this.page.onFrameNavigated((frame) -> {
			if (frame == this.page.mainFrame() && frame.url().startsWith(this.baseUrl)) {
				this.visited.add(pathOf(frame.url()));
			}
		});
		this.page
			.onRequest((request) -> this.network.add(Instant.now() + " -> " + request.method() + " " + request.url()));
		this.page.onResponse((response) -> this.network.add(
				Instant.now() + " <- " + response.status() + " " + response.request().method() + " " + response.url()));
		this.page.onRequestFailed((request) -> this.network
			.add(Instant.now() + " !! " + request.failure() + " " + request.method() + " " + request.url()));
	}

	public Page page() {
		return this.page;
	}

	public Run run() {
		return this.run;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** The app's text for {@code key} in this run's language. */
	public String text(String key, Object... arguments) {
		return this.texts.get(key, arguments);
	}

	public Locator link(String key, Object... arguments) {
		return this.page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName(text(key, arguments)).setExact(true));
	}

	public Locator button(String key, Object... arguments) {
		return this.page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(text(key, arguments)).setExact(true));
	}

	public Locator field(String key) {
		return this.page.getByLabel(text(key), new Page.GetByLabelOptions().setExact(true));
	}

	/** The main navigation's link to a section. */
	public Locator nav(String key) {
		return this.page.getByRole(AriaRole.NAVIGATION)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text(key)).setExact(true));
	}

	/** Types the address into the browser. */
	public void open(String path) {
		this.page.navigate(this.baseUrl + path);
		arrivedAt(pathOf(this.baseUrl + path));
	}

	/**
	 * Waits until the browser shows {@code path} (query ignored), then checks the page
	 * with axe-core.
	 */
	public void arrivedAt(String path) {
		this.page.waitForURL((url) -> url.startsWith(this.baseUrl) && pathOf(url).equals(path));
		checkPage();
	}

	/**
	 * Checks the page as it looks now (also for states a script changed without
	 * navigating): no serious accessibility violation, and nothing wider than the screen.
	 */
	public void checkPage() {
		this.page.waitForLoadState(LoadState.LOAD);
		String where = pathOf(this.page.url());
		String query = URI.create(this.page.url()).getRawQuery();
		String described = this.run + " " + where + ((query != null) ? "?" + query : "");
		this.accessibility.check(this.page, described);
		// compared with the screen, not the window: a phone zooms out to fit a page that
		// is too wide
		assertThat(((Number) this.page.evaluate("() => document.documentElement.scrollWidth")).intValue())
			.as(() -> "width of " + described + "; too wide: "
					+ this.page.evaluate(TOO_WIDE, this.run.viewport().width()))
			.isLessThanOrEqualTo(this.run.viewport().width());
		this.checked.add(where);
	}

	/**
	 * Signs in through the organization's identity provider with its login form, starting
	 * from the public home page as a person would.
	 */
	public void signIn(String role) {
		open("/");
		link("home.signIn").click();
		arrivedAt("/login");
		field("login.field").fill(this.run.user(role));
		button("login.submit").click();
		this.page.waitForURL((url) -> !url.startsWith(this.baseUrl));
		this.page.getByLabel("Username").fill(this.run.user(role));
		this.page.getByLabel("Password").fill("limber-demo");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		arrivedAt("/");
	}

	/**
	 * The portal's session cookie of this browser, for tools that visit as the same
	 * person.
	 */
	public String sessionCookie() {
		return this.context.cookies(this.baseUrl)
			.stream()
			.filter((cookie) -> cookie.name.equals("SESSION"))
			.map((cookie) -> cookie.value)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("not signed in"));
	}

	/** A picture of this page for the README, when the build asks for them. */
	public void screenshot(String name) {
		this.screenshots.documentation(this.page, name, this.run);
	}

	void failed(String name) {
		this.screenshots.failure(this.page, name + "-" + this.run, List.copyOf(this.network));
	}

	void assertEveryPageChecked() {
		assertThat(this.checked).as("pages visited in %s without an accessibility check", this.run)
			.containsAll(this.visited);
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static String pathOf(String url) {
		String path = URI.create(url).getPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

}
