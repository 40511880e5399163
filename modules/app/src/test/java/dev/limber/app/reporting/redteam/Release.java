package dev.limber.app.reporting.redteam;

import java.time.LocalDate;
import java.util.Set;

/**
 * One figure an attacker obtained: what it counts ({@code participants}, {@code sessions}
 * or {@code enrolled}), over which atoms of the true membership, in which period, and
 * what it told: an exact value ({@code low == high}) or a range ({@code high} may be
 * infinite).
 */
record Release(String figure, Set<String> atoms, LocalDate start, LocalDate end, double low, double high,
		String source) {

	static final double UNBOUNDED = Double.POSITIVE_INFINITY;

	boolean exact() {
		return this.low == this.high;
	}

}
