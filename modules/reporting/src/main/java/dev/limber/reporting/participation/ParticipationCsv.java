package dev.limber.reporting.participation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.limber.reporting.release.Shown;

/**
 * The same report as CSV, figure for figure: an exact figure in its own column, a range
 * in the {@code _min} and {@code _max} columns ({@code _max} empty when unbounded).
 * Periods not yet released are left out.
 */
public final class ParticipationCsv {

	static final String[] HEADER = { "period_start", "period_end", "group", "eligible", "participants",
			"participants_min", "participants_max", "participation_rate", "sessions", "sessions_min", "sessions_max",
			"minutes", "minutes_min", "minutes_max" };

	private ParticipationCsv() {
	}

	public static String write(ParticipationReport report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
			for (ParticipationReport.Period period : report.periods()) {
				if (!period.released()) {
					continue;
				}
				row(csv, period, period.total());
				for (Cell cell : period.groups()) {
					row(csv, period, cell);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static void row(CSVPrinter csv, ParticipationReport.Period period, Cell cell) throws IOException {
		List<Object> values = new ArrayList<>(List.of(period.start(), period.end(),
				(cell.group() != null) ? cell.group() : "(total)", cell.eligible()));
		add(values, cell.participants());
		values.add((cell.participationRate().value() != null) ? cell.participationRate().value() : "");
		add(values, cell.sessions());
		add(values, cell.minutes());
		csv.printRecord(values);
	}

	private static void add(List<Object> values, Shown shown) {
		values.add(shown.exact() ? shown.value() : "");
		values.add(shown.exact() ? "" : shown.min());
		values.add((shown.exact() || shown.max() == null) ? "" : shown.max());
	}

}
