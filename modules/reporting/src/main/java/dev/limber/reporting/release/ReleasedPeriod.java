package dev.limber.reporting.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import dev.limber.reporting.release.CellPartition.Atom;
import dev.limber.reporting.release.ReleaseTables.CellFigures;
import dev.limber.reporting.release.ReleaseTables.FigureKey;
import dev.limber.reporting.release.ReleaseTables.Partition;

/**
 * One period of a report as released: its cells and the display of every figure, from
 * which alone every number a report shows is computed. A population is a set of cells;
 * its figure is the sum of its cells' displays, exact when they all are, else the honest
 * range. A period still open (or closed too recently) is present but shows nothing.
 */
public final class ReleasedPeriod {

	/** The label of people without a department or location. */
	static final String UNKNOWN = "(unknown)";

	private static final Set<String> ADDITIVE = Set.of("sessions", "seconds", "enrolled", "completed", "joined");

	private final String unit;

	private final LocalDate key;

	private final Partition partition;

	private final Map<FigureKey, CellFigures> figures;

	private final List<ReleasedPeriod> weeks;

	private final boolean preparing;

	ReleasedPeriod(String unit, LocalDate key, Partition partition, Map<FigureKey, CellFigures> figures,
			List<ReleasedPeriod> weeks) {
		this(unit, key, partition, figures, weeks, false);
	}

	private ReleasedPeriod(String unit, LocalDate key, Partition partition, Map<FigureKey, CellFigures> figures,
			List<ReleasedPeriod> weeks, boolean preparing) {
		this.preparing = preparing;
		this.unit = unit;
		this.key = key;
		this.partition = partition;
		this.figures = figures;
		this.weeks = weeks;
	}

	public LocalDate start() {
		return ReleaseCalendar.start(this.unit, this.key);
	}

	public LocalDate end() {
		return ReleaseCalendar.end(this.unit, this.key);
	}

	/**
	 * A period not released: still open, or closed with its release tables still being
	 * built.
	 */
	static ReleasedPeriod notReleased(String unit, LocalDate key, boolean preparing) {
		return new ReleasedPeriod(unit, key, null, Map.of(), List.of(), preparing);
	}

	/**
	 * Whether the period is closed and its release tables are still being built (soon
	 * released).
	 */
	public boolean preparing() {
		return this.preparing;
	}

	/**
	 * Whether the period is closed and released; an unreleased one has no cells and no
	 * figures.
	 */
	public boolean released() {
		return this.partition != null;
	}

	/** The k this period's cells were built for (fixed when its month was frozen). */
	public Integer minGroupSize() {
		return released() ? this.partition.k() : null;
	}

	/**
	 * The cells of the atoms matching a filter, or null when they are not a union of
	 * whole cells.
	 */
	Set<Integer> cells(String department, String location) {
		Set<Integer> cells = new TreeSet<>();
		this.partition.atoms().forEach((atom, cell) -> {
			if (matches(atom, department, location)) {
				cells.add(cell);
			}
		});
		for (Map.Entry<Atom, Integer> atom : this.partition.atoms().entrySet()) {
			if (cells.contains(atom.getValue()) && !matches(atom.getKey(), department, location)) {
				return null;
			}
		}
		return cells;
	}

	/**
	 * The groups of a grouping within some cells: each value of the dimension whose cells
	 * hold no other value is its own group; values sharing a cell form one group
	 * together, labelled with all of them. Every group is a union of cells.
	 */
	public List<Group> groups(Set<Integer> within, String dimension) {
		Function<Atom, String> value = dimension.equals("department") ? Atom::department : Atom::location;
		Map<String, Set<Integer>> cellsOf = new TreeMap<>();
		this.partition.atoms().forEach((atom, cell) -> {
			if (within.contains(cell)) {
				cellsOf.computeIfAbsent(value.apply(atom), (v) -> new TreeSet<>()).add(cell);
			}
		});
		// values joined by a shared cell, found by merging until nothing changes
		List<Set<String>> components = new ArrayList<>();
		List<Set<Integer>> componentCells = new ArrayList<>();
		cellsOf.forEach((v, cells) -> {
			Set<String> values = new TreeSet<>(List.of(v));
			Set<Integer> joined = new TreeSet<>(cells);
			for (int i = components.size() - 1; i >= 0; i--) {
				if (componentCells.get(i).stream().anyMatch(joined::contains)) {
					values.addAll(components.remove(i));
					joined.addAll(componentCells.remove(i));
				}
			}
			components.add(values);
			componentCells.add(joined);
		});
		List<Group> groups = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			List<String> labels = components.get(i).stream().map((v) -> v.isEmpty() ? UNKNOWN : v).sorted().toList();
			groups.add(new Group(String.join(" + ", labels), componentCells.get(i)));
		}
		groups.sort((a, b) -> a.label().compareTo(b.label()));
		return groups;
	}

	/** People in some cells (headcounts are the org chart, which HR knows). */
	public long members(Set<Integer> cells) {
		return cells.stream().mapToLong((cell) -> this.partition.cellMembers().getOrDefault(cell, 0)).sum();
	}

	/**
	 * A figure of a union of cells: the sum of each cell's display; a month's additive
	 * figures are the sums of its weeks' displays.
	 */
	public Shown shown(String figure, String subject, Set<Integer> cells) {
		Shown total = Shown.ZERO;
		if (this.unit.equals("month") && ADDITIVE.contains(figure)) {
			for (ReleasedPeriod week : this.weeks) {
				total = total.plus(week.shown(figure, subject, cells));
			}
			return total;
		}
		// looked up once per figure, not once per cell: a report asks for thousands of
		// cells
		CellFigures found = this.figures.get(new FigureKey(figure, subject));
		CellFigures respondents = figure.equals("failing") ? this.figures.get(new FigureKey("respondents", subject))
				: null;
		for (int cell : cells) {
			total = total.plus(display(figure, found, respondents, cell));
		}
		return total;
	}

	/** One cell's display of a figure ({@code respondents} only for "failing"). */
	private Shown display(String figure, CellFigures found, CellFigures respondents, int cell) {
		int k = this.partition.k();
		int at = (found != null) ? found.indexOf(cell) : -1;
		long value = (at >= 0) ? found.values()[at] : 0;
		long contributors = (at >= 0) ? found.contributors()[at] : 0;
		return switch (figure) {
			case "sessions", "seconds" -> Shown.sum(value, contributors, k);
			case "failing" -> {
				Shown answered = display("respondents", respondents, null, cell);
				yield answered.exact() ? Shown.count(value, answered.value(), k) : new Shown(null, 0L, answered.high());
			}
			default -> Shown.count(value, this.partition.cellMembers().getOrDefault(cell, 0), k);
		};
	}

	private static boolean matches(Atom atom, String department, String location) {
		return (department == null || department.equals(atom.department()))
				&& (location == null || location.equals(atom.location()));
	}

	/** A group of a grouping: its label and its cells. */
	public record Group(String label, Set<Integer> cells) {
	}

}
