package dev.limber.bench.data;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes synthetic organizations' data straight into PostgreSQL, set-based: members by
 * COPY, activity events by generate_series, and in the same statements the reporting
 * rollups those events would produce (daily activity totals and daily participants by
 * keyed pseudonym), so reports over the rollups and the naive aggregation over raw events
 * see the same facts.
 */
public final class DataGenerator implements AutoCloseable {

	private static final int CHUNK = 500_000;

	private final Connection connection;

	private final String peopleTable;

	/**
	 * @param population name of the table (in schema bench_data, which the app cannot
	 * see) that holds this population for set-based picks
	 */
	public DataGenerator(String jdbcUrl, String population) throws SQLException {
		this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
		this.peopleTable = "bench_data." + population;
		execute("set timezone = 'UTC'");
		execute("set synchronous_commit = off");
		execute("set work_mem = '256MB'");
	}

	/** Members, departments and reporting secrets of {@code population}. */
	public void members(Population population) throws SQLException, IOException {
		execute("create schema if not exists bench_data");
		execute("create table " + this.peopleTable + " (tenant uuid not null, idx int primary key, "
				+ "id uuid not null, department text not null, location text not null, pseudonym text not null)");
		execute("create table if not exists bench_data.routines as select (row_number() over (order by slug))::int - 1 "
				+ "as n, slug, category from programs.catalog_routine order by slug limit 6");
		StringBuilder members = new StringBuilder();
		StringBuilder people = new StringBuilder();
		for (Population.Member member : population.members()) {
			members.append(member.tenant().id())
				.append('\t')
				.append(member.id())
				.append('\t')
				.append(member.tenant().issuer())
				.append('\t')
				.append(member.subject())
				.append('\t')
				.append(member.subject())
				.append('@')
				.append(member.tenant().slug())
				.append(".test\t")
				.append(member.subject())
				.append('\t')
				.append(member.department())
				.append('\t')
				.append(member.location())
				.append("\t{EMPLOYEE}\n");
			people.append(member.tenant().id())
				.append('\t')
				.append(member.index())
				.append('\t')
				.append(member.id())
				.append('\t')
				.append(member.department())
				.append('\t')
				.append(member.location())
				.append('\t')
				.append(member.pseudonym())
				.append('\n');
		}
		copy("organizations.member (tenant_id, id, issuer, subject, email, display_name, department, location, roles)",
				members);
		copy(this.peopleTable + " (tenant, idx, id, department, location, pseudonym)", people);
		// members since before the generated history, so reporting counts them in
		// its frozen memberships
		execute("update organizations.member set created_at = now() - interval '400 days' where tenant_id in "
				+ "(select distinct tenant from " + this.peopleTable + ")");
		execute("insert into organizations.department (tenant_id, id, name) select distinct tenant, gen_random_uuid(), "
				+ "department from (select distinct tenant, department from " + this.peopleTable + ") d");
		try (PreparedStatement secret = this.connection
			.prepareStatement("insert into reporting.tenant_secret (tenant_id, secret) values (?, ?)")) {
			for (Map.Entry<UUID, byte[]> entry : population.secrets().entrySet()) {
				secret.setObject(1, entry.getKey());
				secret.setBytes(2, entry.getValue());
				secret.addBatch();
			}
			secret.executeBatch();
		}
		execute("analyze " + this.peopleTable);
	}

	/**
	 * Activity events number {@code from} (inclusive) to {@code to} of this population at
	 * {@code perDay} a day, event 0 yesterday and each later one further back, with their
	 * rollups.
	 */
	public void events(long from, long to, int perDay) throws SQLException {
		int size = count("select count(*) from " + this.peopleTable);
		for (long start = from; start < to; start += CHUNK) {
			long end = Math.min(to, start + CHUNK);
			try (PreparedStatement insert = this.connection.prepareStatement(
					"""
							with ev as (
							    select floor(random() * %1$d)::int as idx, floor(random() * (select count(*) from bench_data.routines))::int as r,
							        240 + floor(random() * 900)::int as secs,
							        (current_date - 1 - (g / %2$d)::int) + time '07:00' + random() * interval '11 hours' as at
							    from generate_series(?::bigint, ?::bigint - 1) g),
							ins as (
							    insert into programs.activity (tenant_id, id, member_id, kind, slug, category, duration_seconds,
							        completed_at, logged_at)
							    select p.tenant, gen_random_uuid(), p.id, 'routine', r.slug, r.category, ev.secs, ev.at, ev.at
							    from ev join %3$s p on p.idx = ev.idx join bench_data.routines r on r.n = ev.r
							    returning tenant_id, member_id, category, duration_seconds, completed_at),
							facts as (
							    select i.tenant_id, i.completed_at::date as day, p.department, p.location, p.pseudonym, i.category,
							        i.duration_seconds
							    from ins i join %3$s p on p.id = i.member_id),
							totals as (
							    insert into reporting.activity_day (tenant_id, day, department, location, category, sessions, seconds)
							    select tenant_id, day, department, location, category, count(*), sum(duration_seconds)
							    from facts group by 1, 2, 3, 4, 5
							    on conflict (tenant_id, day, department, location, category) do update
							    set sessions = activity_day.sessions + excluded.sessions,
							        seconds = activity_day.seconds + excluded.seconds),
							participants as (
							    insert into reporting.participant_day (tenant_id, day, department, location, pseudonym)
							    select distinct tenant_id, day, department, location, pseudonym from facts
							    on conflict do nothing),
							persons as (
							    insert into reporting.person_week (tenant_id, week, pseudonym, sessions, seconds)
							    select tenant_id, date_trunc('week', day)::date, pseudonym, count(*), sum(duration_seconds)
							    from facts group by 1, 2, 3
							    on conflict (tenant_id, week, pseudonym) do update
							    set sessions = person_week.sessions + excluded.sessions,
							        seconds = person_week.seconds + excluded.seconds)
							select count(*) from ins"""
						.formatted(size, perDay, this.peopleTable))) {
				insert.setLong(1, start);
				insert.setLong(2, end);
				insert.execute();
			}
		}
	}

	/**
	 * About 40% enrolled in the six-week program; half of those who could have finished
	 * did.
	 */
	public void enrollments(int historyDays) throws SQLException {
		execute("""
				with chosen as (
				    select p.*, current_date - (7 + floor(random() * %d))::int as started_on, random() < 0.5 as finisher
				    from %s p where random() < 0.4),
				enrolled as (
				    insert into programs.enrollment (tenant_id, id, member_id, program_slug, started_on, status)
				    select tenant, gen_random_uuid(), id, 'back-care-6-weeks', started_on,
				        case when finisher and started_on < current_date - 42 then 'completed' else 'active' end
				    from chosen returning member_id, started_on, status)
				insert into reporting.program_participant (tenant_id, program, pseudonym, department, location,
				    enrolled_on, completed_on)
				select c.tenant, 'back-care-6-weeks', c.pseudonym, c.department, c.location, e.started_on,
				    case when e.status = 'completed' then e.started_on + 42 end
				from enrolled e join chosen c on c.id = e.member_id""".formatted(Math.max(1, historyDays - 7),
				this.peopleTable));
	}

	/**
	 * Drops the non-unique indexes of the tables that take the events, which a bulk load
	 * would otherwise update row by row at random places (with ten million events they no
	 * longer fit in PostgreSQL's buffers and the load slows down twice over).
	 * @return their definitions, as the migrations made them, for {@link #createIndexes}
	 */
	public List<String> dropSecondaryIndexes() throws SQLException {
		List<String> definitions = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); var rows = statement.executeQuery("""
				select format('%I.%I', i.schemaname, i.indexname), i.indexdef
				from pg_indexes i join pg_index x on x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
				where i.schemaname || '.' || i.tablename in ('programs.activity', 'reporting.participant_day')
				  and not x.indisunique""")) {
			while (rows.next()) {
				names.add(rows.getString(1));
				definitions.add(rows.getString(2));
			}
		}
		for (String name : names) {
			execute("drop index " + name);
		}
		return definitions;
	}

	/** Builds indexes in one sorted pass each. */
	public void createIndexes(List<String> definitions) throws SQLException {
		execute("set maintenance_work_mem = '512MB'");
		for (String definition : definitions) {
			execute(definition);
		}
	}

	/**
	 * Derives the per-period participant counts from the participant-days, as ingestion
	 * keeps them. Vacuums as well as analyzes: otherwise autovacuum visits the millions
	 * of new rows during the measurements that follow and competes with them for the two
	 * cores.
	 */
	public void vacuumAnalyze() throws SQLException {
		execute("select reporting.rebuild_period_participation()");
		execute("vacuum (analyze) organizations.member, programs.activity, programs.enrollment, reporting.activity_day, "
				+ "reporting.participant_day, reporting.program_participant, reporting.period_participant, "
				+ "reporting.period_participation, reporting.period_activity, reporting.person_week, "
				+ "organizations.member_headcount");
	}

	private void copy(String target, CharSequence rows) throws SQLException, IOException {
		CopyManager copy = this.connection.unwrap(PGConnection.class).getCopyAPI();
		copy.copyIn("copy " + target + " from stdin", new StringReader(rows.toString()));
	}

	private int count(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
