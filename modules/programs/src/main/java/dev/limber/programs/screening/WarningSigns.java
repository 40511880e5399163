package dev.limber.programs.screening;

import java.util.List;

/**
 * When to see a professional instead of (or before) stretching, from the source articles'
 * warning signs (000: any numbness, swelling or severe pain; 001: severe, persistent or
 * worsening pain, weakness in the legs or feet, tightness after an injury). Shown in the
 * safety check, on every exercise page and in the player.
 */
public final class WarningSigns {

	public static final List<String> ALL = List.of(
			"Back pain that has not improved after a few weeks of gentle exercise and home care",
			"Severe pain, or pain that lasts or keeps getting worse", "Intense or sharp pain while you exercise",
			"Pain that spreads down into one or both legs",
			"Numbness or tingling anywhere, for example in your legs, feet or groin", "Weakness in your legs or feet",
			"Any swelling", "Pain or tightness that started with a fall, blow or other injury");

	/**
	 * The seeds say to consult before starting any exercise regimen with back problems,
	 * so no stretching is offered.
	 */
	public static final String ADVICE = "Please see a doctor or physical therapist before you start any stretching routine "
			+ "or program, and ask them which exercises suit you. Until then, gentle walking is the only routine we "
			+ "suggest, and stop anything that hurts.";

	public static final List<String> GENTLE_ROUTINES = List.of("easy-walk");

	private WarningSigns() {
	}

}
