package dev.limber.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One pass over the journeys: a screen width, a browser language and the demo
 * organization whose people sign in. Phone and desktop use different organizations, so
 * their journeys never see each other's data.
 */
public record Run(Viewport viewport, Locale locale, String organization) {

	public enum Viewport {

		PHONE(375, 812), DESKTOP(1440, 900);

		private final int width;

		private final int height;

		Viewport(int width, int height) {
			this.width = width;
			this.height = height;
		}

		public int width() {
			return this.width;
		}

		public int height() {
			return this.height;
		}

	}

	/**
	 * Every width in every language named by {@code limber.e2e.locales} (default
	 * {@code en}).
	 */
	public static List<Run> all() {
		List<Run> runs = new ArrayList<>();
		for (String language : System.getProperty("limber.e2e.locales", "en").split(",")) {
			Locale locale = Locale.forLanguageTag(language.trim());
			runs.add(new Run(Viewport.PHONE, locale, "acme"));
			runs.add(new Run(Viewport.DESKTOP, locale, "globex"));
		}
		return runs;
	}

	/**
	 * The demo user with this role in the run's organization, e.g. {@code hr@acme.test}.
	 */
	public String user(String role) {
		return role + "@" + this.organization + ".test";
	}

	@Override
	public String toString() {
		return this.viewport.name().toLowerCase(Locale.ROOT) + "-" + this.locale.toLanguageTag() + "-"
				+ this.organization;
	}

}
