package dev.limber.reporting.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.limber.reporting.participation.ParticipationReport;

/**
 * The participation-rate trend as bars for a server-drawn SVG: no chart script, works
 * without JavaScript. A period shown as a range is drawn at its lower bound and marked; a
 * period not yet released is a marked gap, never zero.
 */
public record TrendChart(List<Bar> bars, int width, int height) {

	static final int BAR = 28;

	static final int GAP = 8;

	static final int HEIGHT = 160;

	/**
	 * One period's bar; {@code label} is the rate or range as text, null when not
	 * released.
	 */
	public record Bar(int x, int y, int height, LocalDate start, String label, boolean banded, boolean released) {
	}

	static TrendChart of(ParticipationReport report) {
		List<Bar> bars = new ArrayList<>();
		int x = GAP;
		for (ParticipationReport.Period period : report.periods()) {
			if (!period.released() || period.total().participationRate().min() == null
					&& period.total().participationRate().value() == null) {
				bars.add(new Bar(x, 0, HEIGHT, period.start(), null, false, false));
			}
			else {
				var rate = period.total().participationRate();
				boolean banded = rate.value() == null;
				double shown = banded ? rate.min() : rate.value();
				int height = (int) Math.round(Math.min(1.0, shown) * (HEIGHT - 20));
				String label = banded ? percent(rate.min()) + "–" + percent(rate.max()) : percent(rate.value());
				bars.add(new Bar(x, HEIGHT - height, height, period.start(), label, banded, true));
			}
			x += BAR + GAP;
		}
		return new TrendChart(bars, Math.max(x, 200), HEIGHT);
	}

	private static String percent(Double rate) {
		return (rate == null) ? "?" : Math.round(rate * 100) + " %";
	}

}
