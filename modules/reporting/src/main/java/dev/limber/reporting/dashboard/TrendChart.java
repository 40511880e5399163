package dev.limber.reporting.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.limber.reporting.participation.ParticipationReport;

/**
 * The participation-rate trend as bars for a server-drawn SVG: no chart script, works
 * without JavaScript, and suppressed periods are drawn as marked gaps, never as zero.
 */
public record TrendChart(List<Bar> bars, int width, int height) {

	static final int BAR = 28;

	static final int GAP = 8;

	static final int HEIGHT = 160;

	/** One period's bar; {@code rate} is null when the period is suppressed. */
	public record Bar(int x, int y, int height, LocalDate start, Double rate, boolean suppressed) {
	}

	static TrendChart of(ParticipationReport report) {
		List<Bar> bars = new ArrayList<>();
		int x = GAP;
		for (ParticipationReport.Period period : report.periods()) {
			Double rate = period.total().participationRate();
			boolean suppressed = period.total().suppressed() || rate == null;
			int height = suppressed ? HEIGHT : (int) Math.round(Math.min(1.0, rate) * (HEIGHT - 20));
			bars.add(new Bar(x, HEIGHT - height, height, period.start(), suppressed ? null : rate, suppressed));
			x += BAR + GAP;
		}
		return new TrendChart(bars, Math.max(x, 200), HEIGHT);
	}

}
