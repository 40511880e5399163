package dev.limber.app.reporting.redteam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The attacker's solver. Every person of an atom (department × location, as the test set
 * them up) is alike to every release, so the unknowns are, per atom and per time segment
 * (the pieces that the boundaries of all released periods cut the calendar into): people
 * who took part, sessions, and enrollments. Distinct participants over several segments
 * lie between the largest segment count and their sum. Every release is a linear
 * constraint; for every group below k, the linear program gives the least and the most
 * its figure can be. The group is exposed when that range is narrower than what anyone
 * knows anyway: a count of a group of n between 0 and n, a sum that is at least 0 and not
 * pinned.
 */
final class SmallGroupBounds {

	private static final double EPSILON = 1e-6;

	/**
	 * Sessions per participant and segment the attacker assumes at most (a realistic cap
	 * keeps the program bounded).
	 */
	private static final double SESSIONS_CAP = 100;

	private final Map<String, Integer> atomSizes;

	private final List<Release> releases;

	private final List<LocalDate> cuts;

	private final Map<String, Integer> variables = new LinkedHashMap<>();

	private final List<Relationship> relations = new ArrayList<>();

	private final List<Double> values = new ArrayList<>();

	private final List<Map<String, Double>> pending = new ArrayList<>();

	SmallGroupBounds(Map<String, Integer> atomSizes, List<Release> releases) {
		this.atomSizes = atomSizes;
		this.releases = releases;
		TreeSet<LocalDate> boundaries = new TreeSet<>();
		releases.forEach((release) -> {
			boundaries.add(release.start());
			boundaries.add(release.end().plusDays(1));
		});
		this.cuts = new ArrayList<>(boundaries);
	}

	/**
	 * One finding: a group below k whose figure in a period is narrower than its natural
	 * range.
	 */
	record Exposure(String group, String figure, LocalDate start, LocalDate end, double min, double max) {

		@Override
		public String toString() {
			return this.group + " " + this.figure + " " + this.start + ".." + this.end + " in [" + round(this.min)
					+ ", " + round(this.max) + "]";
		}

		private static String round(double value) {
			return Double.isInfinite(value) ? "inf" : String.valueOf(Math.round(value * 1000) / 1000.0);
		}

	}

	/**
	 * Bounds every figure of every group (a set of atoms of fewer than k people in total)
	 * in every period released. Contradicting releases (the same figure told twice with
	 * different values) expose whatever changed in between, so they are reported too.
	 */
	List<String> exposures(Map<String, Set<String>> smallGroups) {
		List<String> found = new ArrayList<>();
		for (Release release : this.releases) {
			constrain(sum(release.figure(), release.atoms(), release.start(), release.end()), release.low(),
					release.high());
		}
		if (!feasible()) {
			found.add("releases contradict each other (a figure changed between requests): " + contradiction());
			return found;
		}
		Set<List<Object>> periods = new LinkedHashSet<>();
		this.releases.forEach((release) -> periods.add(List.of(release.figure(), release.start(), release.end())));
		for (Map.Entry<String, Set<String>> group : smallGroups.entrySet()) {
			int size = group.getValue().stream().mapToInt(this.atomSizes::get).sum();
			for (List<Object> period : periods) {
				String figure = (String) period.get(0);
				LocalDate start = (LocalDate) period.get(1);
				LocalDate end = (LocalDate) period.get(2);
				Map<String, Double> objective = sum(figure, group.getValue(), start, end);
				double min = optimize(objective, GoalType.MINIMIZE);
				double max = optimize(objective, GoalType.MAXIMIZE);
				boolean count = !figure.equals("sessions");
				boolean exposed = min > EPSILON || (count && max < size - EPSILON) || (max - min < EPSILON);
				if (exposed) {
					found.add(new Exposure(group.getKey(), figure, start, end, min, max).toString());
				}
			}
		}
		return found;
	}

	/**
	 * The smallest set of releases (by source) that cannot all be true, for the failure
	 * message.
	 */
	private String contradiction() {
		Map<List<Object>, Release> seen = new HashMap<>();
		for (Release release : this.releases) {
			List<Object> key = List.of(release.figure(), new TreeSet<>(release.atoms()), release.start(),
					release.end());
			Release earlier = seen.putIfAbsent(key, release);
			if (earlier != null && (release.low() > earlier.high() || release.high() < earlier.low())) {
				return release.figure() + " of " + new TreeSet<>(release.atoms()) + " " + release.start() + ": "
						+ earlier.source() + " told [" + earlier.low() + ", " + earlier.high() + "], "
						+ release.source() + " told [" + release.low() + ", " + release.high() + "]";
			}
		}
		return "(by combination)";
	}

	/** The linear form of a figure of some atoms over the segments of a period. */
	private Map<String, Double> sum(String figure, Collection<String> atoms, LocalDate start, LocalDate end) {
		List<Integer> segments = segments(start, end);
		Map<String, Double> form = new HashMap<>();
		for (String atom : atoms) {
			switch (figure) {
				case "participants" -> form.merge(distinct(atom, segments), 1.0, Double::sum);
				case "sessions" -> segments.forEach((segment) -> form.merge(sessions(atom, segment), 1.0, Double::sum));
				case "enrolled" -> segments.forEach((segment) -> form.merge(enrolled(atom, segment), 1.0, Double::sum));
				default -> throw new IllegalArgumentException(figure);
			}
		}
		return form;
	}

	private List<Integer> segments(LocalDate start, LocalDate end) {
		List<Integer> segments = new ArrayList<>();
		for (int i = 0; i + 1 < this.cuts.size(); i++) {
			if (!this.cuts.get(i).isBefore(start) && !this.cuts.get(i + 1).isAfter(end.plusDays(1))) {
				segments.add(i);
			}
		}
		return segments;
	}

	private String participants(String atom, int segment) {
		String name = "p|" + atom + "|" + segment;
		if (!this.variables.containsKey(name)) {
			declare(name);
			constrain(Map.of(name, 1.0), 0, this.atomSizes.get(atom));
		}
		return name;
	}

	/**
	 * Distinct participants of an atom over segments: at least each segment's, at most
	 * their sum and the atom's size.
	 */
	private String distinct(String atom, List<Integer> segments) {
		if (segments.size() == 1) {
			return participants(atom, segments.get(0));
		}
		String name = "d|" + atom + "|" + segments;
		if (!this.variables.containsKey(name)) {
			declare(name);
			Map<String, Double> atMostSum = new HashMap<>(Map.of(name, 1.0));
			for (int segment : segments) {
				String each = participants(atom, segment);
				constrain(Map.of(name, 1.0, each, -1.0), 0, Release.UNBOUNDED);
				atMostSum.merge(each, -1.0, Double::sum);
			}
			constrain(atMostSum, Double.NEGATIVE_INFINITY, 0);
			constrain(Map.of(name, 1.0), 0, this.atomSizes.get(atom));
		}
		return name;
	}

	/**
	 * Each participant of a segment had at least one session there, and at most the cap.
	 */
	private String sessions(String atom, int segment) {
		String name = "s|" + atom + "|" + segment;
		if (!this.variables.containsKey(name)) {
			declare(name);
			String people = participants(atom, segment);
			constrain(Map.of(name, 1.0, people, -1.0), 0, Release.UNBOUNDED);
			constrain(Map.of(name, 1.0, people, -SESSIONS_CAP), Double.NEGATIVE_INFINITY, 0);
		}
		return name;
	}

	/**
	 * A person enrolls in a program once: enrollments of an atom over all segments are at
	 * most its size.
	 */
	private String enrolled(String atom, int segment) {
		String name = "e|" + atom + "|" + segment;
		if (!this.variables.containsKey(name)) {
			declare(name);
			Map<String, Double> all = new HashMap<>();
			for (int i = 0; i + 1 < this.cuts.size(); i++) {
				String each = "e|" + atom + "|" + i;
				declare(each);
				all.put(each, 1.0);
			}
			constrain(all, 0, this.atomSizes.get(atom));
		}
		return name;
	}

	private void declare(String name) {
		this.variables.putIfAbsent(name, this.variables.size());
	}

	private void constrain(Map<String, Double> form, double low, double high) {
		form.keySet().forEach(this::declare);
		if (low == high) {
			add(form, Relationship.EQ, low);
			return;
		}
		if (low > Double.NEGATIVE_INFINITY && low > 0) {
			add(form, Relationship.GEQ, low);
		}
		if (high < Double.POSITIVE_INFINITY) {
			add(form, Relationship.LEQ, high);
		}
	}

	private void add(Map<String, Double> form, Relationship relation, double value) {
		this.pending.add(form);
		this.relations.add(relation);
		this.values.add(value);
	}

	private List<LinearConstraint> constraints() {
		int n = this.variables.size();
		List<LinearConstraint> constraints = new ArrayList<>();
		for (int i = 0; i < this.pending.size(); i++) {
			double[] row = new double[n];
			this.pending.get(i).forEach((name, coefficient) -> row[this.variables.get(name)] += coefficient);
			constraints.add(new LinearConstraint(row, this.relations.get(i), this.values.get(i)));
		}
		return constraints;
	}

	private boolean feasible() {
		try {
			optimize(Map.of(), GoalType.MINIMIZE);
			return true;
		}
		catch (NoFeasibleSolutionException ex) {
			return false;
		}
	}

	private double optimize(Map<String, Double> objective, GoalType goal) {
		objective.keySet().forEach(this::declare);
		List<LinearConstraint> constraints = constraints();
		double[] coefficients = new double[this.variables.size()];
		objective.forEach((name, coefficient) -> coefficients[this.variables.get(name)] += coefficient);
		try {
			PointValuePair solution = new SimplexSolver().optimize(new MaxIter(100_000),
					new LinearObjectiveFunction(coefficients, 0), new LinearConstraintSet(constraints), goal,
					new NonNegativeConstraint(true));
			return solution.getValue();
		}
		catch (UnboundedSolutionException ex) {
			return (goal == GoalType.MAXIMIZE) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
		}
	}

}
