package dev.limber.app.reporting.redteam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * An HR analyst (or org admin) collecting every figure the reports give, as constraints
 * over the true membership of {@link TargetOrganization}. It reads both what a figure
 * says exactly and what a range or a suppression marker says; a row that is missing where
 * others are shown says zero.
 */
final class Attacker {

	private final TargetOrganization target;

	private final String token;

	final List<Release> releases = Collections.synchronizedList(new ArrayList<>());

	int refused;

	Attacker(TargetOrganization target, String token) {
		this.target = target;
		this.token = token;
	}

	/**
	 * Participation JSON for a range, interval and population; records every figure
	 * shown.
	 */
	void participation(String from, String to, String interval, String groupBy, String department, String location) {
		String uri = "/api/v1/reports/participation?from=" + from + "&to=" + to + "&interval=" + interval
				+ param("groupBy", groupBy) + param("department", department) + param("location", location);
		EntityExchangeResult<Map> result = this.target.call(this.token, HttpMethod.GET, uri, null)
			.expectBody(Map.class)
			.returnResult();
		if (result.getStatus().value() != 200) {
			this.refused++;
			return;
		}
		Map<?, ?> body = result.getResponseBody();
		int k = ((Number) body.get("minGroupSize")).intValue();
		for (Object each : (List<?>) body.get("periods")) {
			Map<?, ?> period = (Map<?, ?>) each;
			LocalDate start = LocalDate.parse((String) period.get("start"));
			LocalDate end = LocalDate.parse((String) period.get("end"));
			Set<String> filter = this.target.atoms(department, location);
			cell((Map<?, ?>) period.get("total"), filter, start, end, k, uri);
			for (Object group : (List<?>) period.get("groups")) {
				Map<?, ?> cell = (Map<?, ?>) group;
				Set<String> atoms = new TreeSet<>(filter);
				atoms.retainAll(group(String.valueOf(cell.get("group")), groupBy));
				cell(cell, atoms, start, end, k, uri);
			}
		}
	}

	/**
	 * Every period, filter and grouping of participation for a range, weekly and monthly.
	 */
	void everyParticipationView(String from, String to) {
		for (String interval : List.of("week", "month")) {
			for (String[] filter : TargetOrganization.filters()) {
				participation(from, to, interval, null, filter[0], filter[1]);
				if (filter[0] == null) {
					participation(from, to, interval, "department", null, filter[1]);
				}
				if (filter[1] == null) {
					participation(from, to, interval, "location", filter[0], null);
				}
			}
		}
	}

	/**
	 * The program funnel for every filter: enrollments per period, and rows missing where
	 * others show.
	 */
	void everyFunnel(String from, String to) {
		for (String interval : List.of("week", "month")) {
			for (String[] filter : TargetOrganization.filters()) {
				funnel(from, to, interval, filter[0], filter[1]);
			}
		}
	}

	void funnel(String from, String to, String interval, String department, String location) {
		String uri = "/api/v1/reports/programs?from=" + from + "&to=" + to + "&interval=" + interval
				+ param("department", department) + param("location", location);
		EntityExchangeResult<Map> result = this.target.call(this.token, HttpMethod.GET, uri, null)
			.expectBody(Map.class)
			.returnResult();
		if (result.getStatus().value() != 200) {
			this.refused++;
			return;
		}
		Set<String> atoms = this.target.atoms(department, location);
		for (Object each : (List<?>) result.getResponseBody().get("periods")) {
			Map<?, ?> period = (Map<?, ?>) each;
			LocalDate start = LocalDate.parse((String) period.get("start"));
			LocalDate end = LocalDate.parse((String) period.get("end"));
			boolean shown = false;
			for (Object row : (List<?>) period.get("rows")) {
				Map<?, ?> funnel = (Map<?, ?>) row;
				if ("back-care-6-weeks".equals(funnel.get("program"))) {
					shown = true;
					count((Map<?, ?>) funnel.get("enrolled"), atoms, start, end, uri);
				}
			}
			if (!shown) {
				this.releases.add(new Release("enrolled", atoms, start, end, 0, 0, uri + " (no row)"));
			}
		}
	}

	/** Participation as the portal's CSV download, through a browser session's cookie. */
	void csv(String csv, String groupBy, int k, String source) {
		List<String> lines = csv.lines().toList();
		List<String> header = List.of(lines.get(0).split(","));
		for (String line : lines.subList(1, lines.size())) {
			List<String> values = List.of(line.split(",", -1));
			String group = values.get(header.indexOf("group"));
			Set<String> atoms = group.equals("(total)") ? this.target.atoms(null, null) : group(group, groupBy);
			LocalDate start = LocalDate.parse(values.get(header.indexOf("period_start")));
			LocalDate end = LocalDate.parse(values.get(header.indexOf("period_end")));
			for (String figure : List.of("participants", "sessions")) {
				double[] range = csvRange(header, values, figure, k);
				if (range != null) {
					this.releases.add(new Release(figure, atoms, start, end, range[0], range[1], source));
				}
			}
		}
	}

	private static double[] csvRange(List<String> header, List<String> values, String figure, int k) {
		String exact = values.get(header.indexOf(figure));
		if (exact.matches("\\d+")) {
			return new double[] { Long.parseLong(exact), Long.parseLong(exact) };
		}
		int min = header.indexOf(figure + "_min");
		if (min >= 0 && values.get(min).matches("\\d+")) {
			String max = values.get(header.indexOf(figure + "_max"));
			return new double[] { Long.parseLong(values.get(min)),
					max.matches("\\d+") ? Long.parseLong(max) : Release.UNBOUNDED };
		}
		return null;
	}

	private void cell(Map<?, ?> cell, Set<String> atoms, LocalDate start, LocalDate end, int k, String source) {
		if (cell == null || Boolean.TRUE.equals(cell.get("suppressed"))) {
			return;
		}
		figure(cell.get("participants"), "participants", atoms, start, end, source);
		figure(cell.get("sessions"), "sessions", atoms, start, end, source);
	}

	/** A figure is a number, or {value}, or {min, max} (max null: unbounded). */
	private void figure(Object figure, String name, Set<String> atoms, LocalDate start, LocalDate end, String source) {
		if (figure instanceof Number number) {
			this.releases.add(new Release(name, atoms, start, end, number.doubleValue(), number.doubleValue(), source));
		}
		else if (figure instanceof Map<?, ?> shown) {
			if (shown.get("value") instanceof Number value) {
				this.releases
					.add(new Release(name, atoms, start, end, value.doubleValue(), value.doubleValue(), source));
			}
			else if (shown.get("min") instanceof Number min) {
				double max = (shown.get("max") instanceof Number high) ? high.doubleValue() : Release.UNBOUNDED;
				this.releases.add(new Release(name, atoms, start, end, min.doubleValue(), max, source));
			}
		}
	}

	/**
	 * An engagement count: {value}, or {min, max}, or the old {suppressed: true} (0 to k
	 * - 1 at most).
	 */
	private void count(Map<?, ?> count, Set<String> atoms, LocalDate start, LocalDate end, String source) {
		figure(count, "enrolled", atoms, start, end, source);
	}

	/**
	 * The atoms of a group label: one value, or values sharing cells ("Legal + People");
	 * "(unknown)" is none.
	 */
	private Set<String> group(String label, String groupBy) {
		Set<String> atoms = new TreeSet<>();
		for (String value : label.split(" \\+ ")) {
			String name = value.equals("(unknown)") ? "" : value;
			atoms.addAll("department".equals(groupBy) ? this.target.atoms(name, null) : this.target.atoms(null, name));
		}
		return atoms;
	}

	private static String param(String name, String value) {
		return (value == null) ? "" : "&" + name + "=" + value;
	}

}
