package dev.limber.programs.screening;

import java.util.List;

/**
 * When to see a professional instead of (or before) stretching, as the source articles list
 * them. Shown before the first enrollment and on every exercise page.
 */
public final class WarningSigns {

	public static final List<String> ALL = List.of(
			"Back pain that has not improved after a few weeks of gentle exercise",
			"Intense or sharp pain while you exercise",
			"Pain that spreads down into one or both legs",
			"Numbness or tingling in your legs, feet or groin",
			"Weakness in your legs",
			"Swelling in your back",
			"Pain that started with a fall, blow or other injury");

	public static final String ADVICE = "Please talk to a doctor or physical therapist before you start a program. "
			+ "Until then, stay with the gentle options: short walks, relaxed breathing and the desk reset, "
			+ "and stop anything that causes sharp pain.";

	public static final List<String> GENTLE_ROUTINES = List.of("desk-reset-5-min", "easy-walk");

	private WarningSigns() {
	}

}
