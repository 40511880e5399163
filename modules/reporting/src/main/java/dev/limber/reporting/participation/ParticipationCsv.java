package dev.limber.reporting.participation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The same report as CSV, with the same suppression: a suppressed cell reads "suppressed". */
public final class ParticipationCsv {

	static final String[] HEADER = { "period_start", "period_end", "group", "participants", "eligible",
			"participation_rate", "sessions", "minutes", "sessions_per_participant", "minutes_per_participant" };

	private ParticipationCsv() {
	}

	public static String write(ParticipationReport report) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
			for (ParticipationReport.Period period : report.periods()) {
				row(csv, period, period.total(), "(total)");
				for (Cell cell : period.groups()) {
					row(csv, period, cell, cell.group());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static void row(CSVPrinter csv, ParticipationReport.Period period, Cell cell, String group)
			throws IOException {
		if (cell.suppressed()) {
			csv.printRecord(period.start(), period.end(), group, "suppressed", "suppressed", "suppressed", "suppressed",
					"suppressed", "suppressed", "suppressed");
			return;
		}
		csv.printRecord(period.start(), period.end(), group, cell.participants(), cell.eligible(),
				cell.participationRate(), cell.sessions(), cell.minutes(), cell.sessionsPerParticipant(),
				cell.minutesPerParticipant());
	}

}
