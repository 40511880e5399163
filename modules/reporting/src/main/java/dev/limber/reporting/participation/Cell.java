package dev.limber.reporting.participation;

import dev.limber.reporting.release.Shown;

/**
 * One group (or the total) in one released period: its eligible headcount (the org
 * chart), and figures each exact or an honest range, never finer than the cells they are
 * made of.
 */
public record Cell(String group, long eligible, Shown participants, Shown.Rate participationRate, Shown sessions,
		Shown minutes) {

	/**
	 * A CSS class for heatmaps: {@code banded} for a range, or {@code heat-0} to
	 * {@code heat-4} by rate.
	 */
	public String heat() {
		if (this.participationRate.value() == null) {
			return "banded";
		}
		return "heat-" + Math.min(4, (int) (this.participationRate.value() * 5));
	}

}
