package dev.limber.reporting.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a frozen membership into cells of at least k people, from headcounts alone
 * (never from activity, so neither a cell nor a refusal says anything about what people
 * did). Department first, since HR reads by department. A count of a cell of n is shown
 * exactly only between k and n − k, so a cell below 2k only ever shows a range: a
 * department × location atom of at least 2k is a cell of its own; the smaller atoms of a
 * department are pooled, and a pool below 2k joins the department's smallest cell (a
 * department without such atoms is one cell). Departments below k (and people without a
 * department) are pooled into one cell of other departments, which joins the smallest
 * cell if it is below k. Deterministic: same headcounts, same cells.
 */
final class CellPartition {

	private CellPartition() {
	}

	/** Atom (department, location) → cell number, cells numbered from 0. */
	static Map<Atom, Integer> of(Map<Atom, Integer> headcounts, int k) {
		Map<String, Map<Atom, Integer>> departments = new TreeMap<>();
		new TreeMap<>(headcounts)
			.forEach((atom, members) -> departments.computeIfAbsent(atom.department(), (department) -> new TreeMap<>())
				.put(atom, members));
		List<List<Atom>> cells = new ArrayList<>();
		List<Atom> others = new ArrayList<>();
		departments.forEach((department, atoms) -> {
			int total = atoms.values().stream().mapToInt(Integer::intValue).sum();
			if (department.isEmpty() || total < k) {
				others.addAll(atoms.keySet());
				return;
			}
			List<List<Atom>> own = new ArrayList<>();
			List<Atom> pool = new ArrayList<>();
			atoms.forEach((atom, members) -> {
				if (members >= 2 * k) {
					own.add(new ArrayList<>(List.of(atom)));
				}
				else {
					pool.add(atom);
				}
			});
			if (!pool.isEmpty()) {
				if (size(pool, headcounts) >= 2 * k || own.isEmpty()) {
					own.add(pool);
				}
				else {
					smallest(own, headcounts).addAll(pool);
				}
			}
			cells.addAll(own);
		});
		if (!others.isEmpty()) {
			if (size(others, headcounts) >= k || cells.isEmpty()) {
				cells.add(others);
			}
			else {
				smallest(cells, headcounts).addAll(others);
			}
		}
		Map<Atom, Integer> partition = new LinkedHashMap<>();
		for (int cell = 0; cell < cells.size(); cell++) {
			for (Atom atom : cells.get(cell)) {
				partition.put(atom, cell);
			}
		}
		return partition;
	}

	private static List<Atom> smallest(List<List<Atom>> cells, Map<Atom, Integer> headcounts) {
		return cells.stream().min(Comparator.comparingInt((List<Atom> cell) -> size(cell, headcounts))).orElseThrow();
	}

	private static int size(List<Atom> atoms, Map<Atom, Integer> headcounts) {
		return atoms.stream().mapToInt(headcounts::get).sum();
	}

	/** A department × location pair; empty strings when unknown. */
	record Atom(String department, String location) implements Comparable<Atom> {

		@Override
		public int compareTo(Atom other) {
			return Comparator.comparing(Atom::department).thenComparing(Atom::location).compare(this, other);
		}

	}

}
