package dev.limber.bench.dashboard;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The report the HR dashboard shows by default (last twelve weeks, by week and
 * department: distinct participants, sessions, seconds, and the weekly totals), computed
 * the naive way: straight from raw activity events joined to members. It runs as the
 * database superuser with an explicit tenant filter, so it pays for no row-level
 * security: the most favourable case for the naive approach.
 */
public final class NaiveReport {

	private static final String SQL = """
			select date_trunc('week', a.completed_at at time zone 'UTC')::date as period, m.department,
			    count(distinct a.member_id) as participants, count(*) as sessions, sum(a.duration_seconds) as seconds
			from programs.activity a
			join organizations.member m on m.tenant_id = a.tenant_id and m.id = a.member_id
			where a.tenant_id = ? and a.completed_at >= ? and a.completed_at < ?
			group by grouping sets ((1, 2), (1))""";

	/**
	 * The same figures from the rollups, as the report reads them (before suppression).
	 */
	private static final String ROLLUP_SQL = """
			select p.period, p.department, p.participants, a.sessions, a.seconds
			from (select date_trunc('week', day)::date as period, department, count(distinct pseudonym) as participants
			      from reporting.participant_day where tenant_id = ? and day >= ? and day < ?
			      group by grouping sets ((1, 2), (1))) p
			join (select date_trunc('week', day)::date as period, department, sum(sessions) as sessions,
			          sum(seconds) as seconds
			      from reporting.activity_day where tenant_id = ? and day >= ? and day < ?
			      group by grouping sets ((1, 2), (1))) a
			  on a.period = p.period and a.department is not distinct from p.department""";

	private final String jdbcUrl;

	public NaiveReport(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	/**
	 * Whether the raw events and the rollups give the same figures for every week and
	 * department.
	 */
	public boolean matchesRollups(UUID tenant) throws SQLException {
		LocalDate[] window = window();
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "")) {
			connection.createStatement().execute("set timezone = 'UTC'");
			Map<String, String> naive = figures(connection, SQL, tenant, window, false);
			Map<String, String> rollups = figures(connection, ROLLUP_SQL, tenant, window, true);
			return !naive.isEmpty() && naive.equals(rollups);
		}
	}

	private static Map<String, String> figures(Connection connection, String sql, UUID tenant, LocalDate[] window,
			boolean rollups) throws SQLException {
		Map<String, String> figures = new TreeMap<>();
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			int parameter = 1;
			for (int part = 0; part < (rollups ? 2 : 1); part++) {
				query.setObject(parameter++, tenant);
				query.setObject(parameter++, rollups ? window[0] : window[0].atStartOfDay().atOffset(ZoneOffset.UTC));
				query.setObject(parameter++, rollups ? window[1] : window[1].atStartOfDay().atOffset(ZoneOffset.UTC));
			}
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					figures.put(rows.getObject("period") + "/" + rows.getString("department"),
							rows.getLong("participants") + "/" + rows.getLong("sessions") + "/"
									+ rows.getLong("seconds"));
				}
			}
		}
		return figures;
	}

	/** First day and the day after the last of the dashboard's default window. */
	private static LocalDate[] window() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return new LocalDate[] { today.minusWeeks(11).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusDays(1) };
	}

	/**
	 * Runs it {@code samples} times after one warm-up run; returns the times in
	 * milliseconds, sorted.
	 */
	public List<Double> time(UUID tenant, int samples) throws SQLException {
		LocalDate[] window = window();
		LocalDate first = window[0];
		LocalDate end = window[1];
		List<Double> millis = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
				PreparedStatement query = connection.prepareStatement(SQL)) {
			connection.createStatement().execute("set timezone = 'UTC'");
			query.setObject(1, tenant);
			query.setObject(2, first.atStartOfDay().atOffset(ZoneOffset.UTC));
			query.setObject(3, end.atStartOfDay().atOffset(ZoneOffset.UTC));
			for (int run = 0; run <= samples; run++) {
				long start = System.nanoTime();
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						rows.getLong("participants");
					}
				}
				if (run > 0) {
					millis.add((System.nanoTime() - start) / 1e6);
				}
			}
		}
		Collections.sort(millis);
		return millis;
	}

}
