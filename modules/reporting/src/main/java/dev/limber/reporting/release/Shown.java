package dev.limber.reporting.release;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A figure as HR sees it: exactly ({@code value}), or as an honest range ({@code min} to
 * {@code max}; {@code max} null when there is no upper bound). Every released number is a
 * {@code Shown} made by the display rule of one cell, or a sum of such.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shown(Long value, Long min, Long max) {

	static final Shown ZERO = new Shown(0L, null, null);

	/**
	 * A count c of people in a cell of n: exact only when k ≤ c ≤ n − k, so that neither
	 * "fewer than k" nor "all but fewer than k" of anyone can be read; else the band it
	 * falls in. Zero and small look alike, and so do all and nearly all.
	 */
	static Shown count(long c, long n, int k) {
		if (c >= k && c <= n - k) {
			return new Shown(c, null, null);
		}
		if (c < k) {
			return new Shown(null, 0L, Math.min(k - 1, n));
		}
		return new Shown(null, Math.max(n - k + 1, 0), n);
	}

	/** A sum (sessions, minutes) shown only when at least k people contributed to it. */
	static Shown sum(long value, long contributors, int k) {
		return (contributors >= k) ? new Shown(value, null, null) : new Shown(null, 0L, null);
	}

	Shown plus(Shown other) {
		if (exact() && other.exact()) {
			return new Shown(this.value + other.value, null, null);
		}
		Long max = (high() == null || other.high() == null) ? null : high() + other.high();
		return new Shown(null, low() + other.low(), max);
	}

	@JsonIgnore
	public boolean exact() {
		return this.value != null;
	}

	@JsonIgnore
	public long low() {
		return exact() ? this.value : this.min;
	}

	@JsonIgnore
	public Long high() {
		return exact() ? this.value : this.max;
	}

	/** For display: "12", "0–4", "≥ 30". */
	@Override
	public String toString() {
		if (exact()) {
			return String.valueOf(this.value);
		}
		return (this.max == null) ? "≥ " + this.min : this.min + "–" + this.max;
	}

	/** A share of {@code of} people: exact, or the range the counts allow. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Rate(Double value, Double min, Double max) {

		public static Rate of(Shown count, long of) {
			if (of == 0) {
				return new Rate(null, null, null);
			}
			if (count.exact()) {
				return new Rate(round(count.value() / (double) of), null, null);
			}
			Long high = count.high();
			return new Rate(null, round(count.low() / (double) of), (high == null) ? null : round(high / (double) of));
		}

		private static Double round(double value) {
			return Math.round(value * 1000) / 1000.0;
		}

		/** For display: "42 %", "30 %–60 %", or empty when there is no one to count. */
		@Override
		public String toString() {
			if (this.value != null) {
				return percent(this.value);
			}
			if (this.min == null) {
				return "";
			}
			return percent(this.min) + "–" + ((this.max != null) ? percent(this.max) : "?");
		}

		private static String percent(double share) {
			return Math.round(share * 100) + " %";
		}

	}

}
