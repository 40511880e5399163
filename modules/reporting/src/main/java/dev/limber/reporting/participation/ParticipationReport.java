package dev.limber.reporting.participation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Participation per closed calendar period, optionally split by department or location. A
 * period not yet closed is listed with {@code released: false} and no figures; one closed
 * but still being prepared also with {@code preparing: true}.
 *
 * @param minGroupSize the organization's k now; each period says the k it was built with
 */
public record ParticipationReport(LocalDate from, LocalDate to, String interval, String groupBy, String department,
		String location, int minGroupSize, List<Period> periods) {

	public record Period(LocalDate start, LocalDate end, boolean released, boolean preparing, Integer minGroupSize,
			Cell total, List<Cell> groups) {

		/** The cell of a group in this period, or null. */
		public Cell group(String label) {
			return this.groups.stream().filter((cell) -> cell.group().equals(label)).findFirst().orElse(null);
		}

	}

	/** Every group label of any period, in order of appearance (rows of a table). */
	public List<String> groupLabels() {
		Set<String> labels = new LinkedHashSet<>();
		this.periods.forEach((period) -> period.groups().forEach((cell) -> labels.add(cell.group())));
		return List.copyOf(labels);
	}

	/** How many closed periods are still being prepared. */
	public long preparing() {
		return this.periods.stream().filter(Period::preparing).count();
	}

	/** The latest released period, or null. */
	public Period latestReleased() {
		for (int i = this.periods.size() - 1; i >= 0; i--) {
			if (this.periods.get(i).released()) {
				return this.periods.get(i);
			}
		}
		return null;
	}

}
