package dev.limber.reporting.participation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Eligible people as atoms of department × location: every population a report can show
 * (a filter, a group, a total) is a set of atoms, so populations can be compared exactly.
 */
public final class Population {

	private static final String SEPARATOR = "\u001f";

	private final Map<String, Long> eligible;

	Population(Map<String, Long> eligible) {
		this.eligible = eligible;
	}

	static String atom(String department, String location) {
		return department + SEPARATOR + location;
	}

	static String part(String atom, String dimension) {
		int separator = atom.indexOf(SEPARATOR);
		return "department".equals(dimension) ? atom.substring(0, separator) : atom.substring(separator + 1);
	}

	public long total() {
		return this.eligible.values().stream().mapToLong(Long::longValue).sum();
	}

	public long size(Set<String> atoms) {
		return atoms.stream().mapToLong((atom) -> this.eligible.getOrDefault(atom, 0L)).sum();
	}

	public Set<String> matching(String department, String location) {
		return this.eligible.keySet()
			.stream()
			.filter((atom) -> department == null || part(atom, "department").equals(department))
			.filter((atom) -> location == null || part(atom, "location").equals(location))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	Set<String> within(Set<String> atoms, String dimension, String value) {
		Set<String> result = atoms.stream()
			.filter((atom) -> part(atom, dimension).equals(value))
			.collect(Collectors.toCollection(TreeSet::new));
		if (result.isEmpty()) {
			// A group seen in the activity data but with no eligible member now: its own atom.
			result.add("department".equals(dimension) ? atom(value, "?") : atom("?", value));
		}
		return result;
	}

	/** How many eligible people are in one population but not in the other. */
	long sizeOfDifference(Set<String> a, Set<String> b) {
		return sizeOfAtomsMissing(a, b) + sizeOfAtomsMissing(b, a);
	}

	private long sizeOfAtomsMissing(Set<String> from, Set<String> in) {
		long size = 0;
		for (String atom : from) {
			if (!in.contains(atom)) {
				size += this.eligible.getOrDefault(atom, 0L);
			}
		}
		return size;
	}

}
