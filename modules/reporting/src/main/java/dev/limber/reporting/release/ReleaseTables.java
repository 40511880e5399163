package dev.limber.reporting.release;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.Headcounts;
import dev.limber.reporting.ingestion.Pseudonyms;
import dev.limber.reporting.release.CellPartition.Atom;

/**
 * Builds the release tables of closed periods, once each, and reads them. The first time
 * a closed week or month is needed, its month's membership is frozen (who was an active
 * member and joined before the month ended, in which department and location, and the
 * cells of at least k people they form), then the period's figures are counted per cell
 * and stored. Neither ever changes afterwards. {@link ReleaseBuilds} decides when to
 * build; reading a period already built takes no lock.
 */
@Component
class ReleaseTables {

	private final DatabaseClient database;

	private final Headcounts headcounts;

	private final Pseudonyms pseudonyms;

	ReleaseTables(DatabaseClient database, Headcounts headcounts, Pseudonyms pseudonyms) {
		this.database = database;
		this.headcounts = headcounts;
		this.pseudonyms = pseudonyms;
	}

	/** Those of these periods not built yet, in the order given. */
	Mono<List<ReleaseBuilds.Period>> missing(Set<ReleaseBuilds.Period> periods) {
		return missing(this.database, periods);
	}

	/**
	 * Those of these periods {@code database} (a replica may lag) does not hold yet, in
	 * the order given.
	 */
	Mono<List<ReleaseBuilds.Period>> missing(DatabaseClient database, Set<ReleaseBuilds.Period> periods) {
		return database.sql("select unit, period from reporting.release_period where period = any(:periods)")
			.bind("periods", periods.stream().map(ReleaseBuilds.Period::start).distinct().toArray(LocalDate[]::new))
			.map((row, metadata) -> new ReleaseBuilds.Period(row.get("unit", String.class),
					row.get("period", LocalDate.class)))
			.all()
			.collect(HashSet::new, Set::add)
			.map((built) -> periods.stream().filter((period) -> !built.contains(period)).toList());
	}

	/**
	 * Gives the current transaction the time a build needs: a statement and a wait for
	 * the lock (another instance building the same organization) may take up to
	 * {@code timeout}, and sorting tens of thousands of members stays in memory.
	 */
	Mono<Void> setStatementTimeout(Duration timeout) {
		return this.database
			.sql("select set_config('statement_timeout', :timeout, true), "
					+ "set_config('lock_timeout', :timeout, true), set_config('work_mem', '64MB', true)")
			.bind("timeout", timeout.toMillis() + "ms")
			.then();
	}

	/**
	 * Builds one period in the caller's transaction, unless it exists. Serialized per
	 * organization by a transaction-level advisory lock, so that two instances never
	 * freeze a month twice.
	 */
	Mono<Void> buildIfMissing(String unit, LocalDate start, int k) {
		ReleaseBuilds.Period period = new ReleaseBuilds.Period(unit, start);
		return this.database
			.sql("select pg_advisory_xact_lock(hashtextextended("
					+ "'reporting.release.' || current_setting('app.tenant_id', true), 0))")
			.then()
			// another instance may have built it while this one waited for the lock
			.then(missing(Set.of(period)))
			.flatMap((missing) -> missing.isEmpty() ? Mono.empty() : build(unit, start, k));
	}

	private Mono<Void> build(String unit, LocalDate start, int k) {
		LocalDate month = ReleaseCalendar.month(unit, start);
		LocalDate first = ReleaseCalendar.start(unit, start);
		LocalDate last = ReleaseCalendar.end(unit, start);
		String figures = unit.equals("week") ? WEEK_FIGURES : MONTH_FIGURES;
		return freeze(month, k)
			.then(this.database
				.sql("""
						insert into reporting.release_figure (tenant_id, unit, period, figure, subject, label, cells, amounts,
						    contributors)
						select nullif(current_setting('app.tenant_id', true), '')::uuid, :unit, :start, figure, subject,
						    max(label), array_agg(cell order by cell), array_agg(value order by cell),
						    array_agg(contributors order by cell)
						from ("""
						+ figures + COMMON_FIGURES + ") as figures group by figure, subject")
				.bind("unit", unit)
				.bind("start", start)
				.bind("month", month)
				.bind("first", first)
				.bind("last", last)
				.then())
			.then(this.database.sql("""
					insert into reporting.release_period (tenant_id, unit, period, month)
					values (nullif(current_setting('app.tenant_id', true), '')::uuid, :unit, :start, :month)""")
				.bind("unit", unit)
				.bind("start", start)
				.bind("month", month)
				.then());
	}

	/**
	 * Distinct participants (any activity) of a week or month, per cell of the frozen
	 * membership.
	 */
	private static final String PARTICIPANTS = """
			select m.cell, 'participants' as figure, '' as subject, '' as label, count(*) as value, count(*) as contributors
			from reporting.release_member m
			where m.month = :month and exists (
			    select 1 from reporting.participant_day d
			    where d.tenant_id = m.tenant_id and d.pseudonym = m.pseudonym and d.day between :first and :last)
			group by m.cell
			""";

	/**
	 * Participants, sessions and seconds of the week, enrollments and challenge joins,
	 * per cell.
	 */
	private static final String WEEK_FIGURES = PARTICIPANTS + """
			union all
			select m.cell, f.figure, '', '', case f.figure when 'sessions' then sum(w.sessions) else sum(w.seconds) end,
			    count(*)
			from reporting.release_member m
			join reporting.person_week w on w.tenant_id = m.tenant_id and w.week = :first and w.pseudonym = m.pseudonym
			cross join (values ('sessions'), ('seconds')) as f(figure)
			where m.month = :month
			group by m.cell, f.figure
			union all
			select m.cell, f.figure, p.program, '', count(*), count(*)
			from reporting.release_member m
			join reporting.program_participant p on p.tenant_id = m.tenant_id and p.pseudonym = m.pseudonym
			cross join (values ('enrolled'), ('completed')) as f(figure)
			where m.month = :month and case f.figure when 'enrolled' then p.enrolled_on else p.completed_on end
			    between :first and :last
			group by m.cell, f.figure, p.program
			union all
			select m.cell, 'joined', c.challenge_id::text, min(c.title), count(*), count(*)
			from reporting.release_member m
			join reporting.challenge_participant c on c.tenant_id = m.tenant_id and c.pseudonym = m.pseudonym
			where m.month = :month and c.joined_on between :first and :last
			group by m.cell, c.challenge_id
			""";

	/**
	 * Distinct participants of the month (its additive figures are the sums of its
	 * weeks').
	 */
	private static final String MONTH_FIGURES = PARTICIPANTS;

	/** Figures that are counted over the period as a whole, weeks and months alike. */
	private static final String COMMON_FIGURES = """
			union all
			select m.cell, 'active', p.program, '', count(*), count(*)
			from reporting.release_member m
			join reporting.program_participant p on p.tenant_id = m.tenant_id and p.pseudonym = m.pseudonym
			where m.month = :month and p.enrolled_on <= :last and exists (
			    select 1 from reporting.participant_day d
			    where d.tenant_id = p.tenant_id and d.pseudonym = p.pseudonym and d.day between :last - 13 and :last)
			group by m.cell, p.program
			union all
			select m.cell, f.figure, a.section, '', count(distinct a.pseudonym) filter (where f.figure = 'respondents'
			    or a.failed), count(distinct a.pseudonym) filter (where f.figure = 'respondents' or a.failed)
			from reporting.release_member m
			join reporting.checklist_answer_day a on a.tenant_id = m.tenant_id and a.pseudonym = m.pseudonym
			cross join (values ('respondents'), ('failing')) as f(figure)
			where m.month = :month and a.day between :first and :last
			group by m.cell, f.figure, a.section
			""";

	/** Freezes a month's membership and cells, unless that was done before. */
	private Mono<Void> freeze(LocalDate month, int k) {
		return this.database.sql("select 1 from reporting.release_month where month = :month")
			.bind("month", month)
			.map((row, metadata) -> 1)
			.all()
			.hasElements()
			.flatMap((frozen) -> frozen ? Mono.empty() : freshFreeze(month, k));
	}

	private Mono<Void> freshFreeze(LocalDate month, int k) {
		LocalDate end = ReleaseCalendar.end("month", month).plusDays(1);
		Mono<List<Headcounts.Member>> members = this.headcounts
			.activeMembersJoinedBefore(end.atStartOfDay().toInstant(ZoneOffset.UTC))
			.collectList();
		return Mono.zip(members, TenantContext.require().flatMap(this.pseudonyms::key)).flatMap((found) -> {
			Map<Atom, Integer> headcounts = new HashMap<>();
			found.getT1()
				.forEach((member) -> headcounts.merge(new Atom(member.department(), member.location()), 1,
						Integer::sum));
			Map<Atom, Integer> cells = CellPartition.of(headcounts, k);
			Map<Integer, Integer> cellMembers = new HashMap<>();
			headcounts.forEach((atom, count) -> cellMembers.merge(cells.get(atom), count, Integer::sum));
			List<String> pseudonyms = new ArrayList<>();
			List<Integer> memberCells = new ArrayList<>();
			found.getT1().forEach((member) -> {
				pseudonyms.add(Pseudonyms.of(found.getT2(), member.id().toString()));
				memberCells.add(cells.get(new Atom(member.department(), member.location())));
			});
			List<Atom> atoms = new ArrayList<>(cells.keySet());
			return this.database.sql("""
					insert into reporting.release_month (tenant_id, month, k)
					values (nullif(current_setting('app.tenant_id', true), '')::uuid, :month, :k)""")
				.bind("month", month)
				.bind("k", k)
				.then()
				.then(this.database.sql("""
						insert into reporting.release_cell (tenant_id, month, cell, members)
						select nullif(current_setting('app.tenant_id', true), '')::uuid, :month, cell, members
						from unnest(:cells::int[], :members::int[]) as c(cell, members)""")
					.bind("month", month)
					.bind("cells", cellMembers.keySet().toArray(Integer[]::new))
					.bind("members", cellMembers.values().toArray(Integer[]::new))
					.then())
				.then(this.database.sql("""
						insert into reporting.release_atom (tenant_id, month, department, location, cell, members)
						select nullif(current_setting('app.tenant_id', true), '')::uuid, :month, department, location,
						    cell, members
						from unnest(:departments::text[], :locations::text[], :cells::int[], :members::int[])
						    as a(department, location, cell, members)""")
					.bind("month", month)
					.bind("departments", atoms.stream().map(Atom::department).toArray(String[]::new))
					.bind("locations", atoms.stream().map(Atom::location).toArray(String[]::new))
					.bind("cells", atoms.stream().map(cells::get).toArray(Integer[]::new))
					.bind("members", atoms.stream().map(headcounts::get).toArray(Integer[]::new))
					.then())
				.then(this.database.sql("""
						insert into reporting.release_member (tenant_id, month, pseudonym, cell)
						select nullif(current_setting('app.tenant_id', true), '')::uuid, :month, pseudonym, cell
						from unnest(:pseudonyms::text[], :cells::int[]) as m(pseudonym, cell)
						on conflict do nothing""")
					.bind("month", month)
					.bind("pseudonyms", pseudonyms.toArray(String[]::new))
					.bind("cells", memberCells.toArray(Integer[]::new))
					.then());
		});
	}

	/** The partitions of some months: their k, cells and atoms. */
	Mono<Map<LocalDate, Partition>> partitions(DatabaseClient database, Set<LocalDate> months) {
		Mono<Map<LocalDate, Integer>> ks = database
			.sql("select month, k from reporting.release_month where month = any(:months)")
			.bind("months", months.toArray(LocalDate[]::new))
			.map((row, metadata) -> Map.entry(row.get("month", LocalDate.class), row.get("k", Integer.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<List<Object[]>> atoms = database.sql(
				"select month, department, location, cell, members from reporting.release_atom where month = any(:months)")
			.bind("months", months.toArray(LocalDate[]::new))
			.map((row,
					metadata) -> new Object[] { row.get("month", LocalDate.class),
							new Atom(row.get("department", String.class), row.get("location", String.class)),
							row.get("cell", Integer.class), row.get("members", Integer.class) })
			.all()
			.collectList();
		return ks.flatMap((found) -> atoms.map((rows) -> reactor.util.function.Tuples.of(found, rows))).map((both) -> {
			Map<LocalDate, Partition> partitions = new HashMap<>();
			both.getT1()
				.forEach((month, k) -> partitions.put(month, new Partition(k, new HashMap<>(), new HashMap<>())));
			for (Object[] atom : both.getT2()) {
				Partition partition = partitions.get((LocalDate) atom[0]);
				partition.atoms().put((Atom) atom[1], (Integer) atom[2]);
				partition.cellMembers().merge((Integer) atom[2], (Integer) atom[3], Integer::sum);
			}
			return partitions;
		});
	}

	/**
	 * Stored figures of some periods: one row per period, figure and subject, holding the
	 * value of every cell that has one (a report reads tens of rows instead of
	 * thousands).
	 */
	Flux<CellFigures> figures(DatabaseClient database, String unit, List<LocalDate> periods, List<String> figures) {
		return database.sql("""
				select period, figure, subject, cells, amounts, contributors
				from reporting.release_figure
				where unit = :unit and period = any(:periods) and figure = any(:figures)""")
			.bind("unit", unit)
			.bind("periods", periods.toArray(LocalDate[]::new))
			.bind("figures", figures.toArray(String[]::new))
			.map((row, metadata) -> new CellFigures(row.get("period", LocalDate.class),
					new FigureKey(row.get("figure", String.class), row.get("subject", String.class)),
					ints(row.get("cells", Integer[].class)), longs(row.get("amounts", Long[].class)),
					longs(row.get("contributors", Long[].class))))
			.all();
	}

	private static int[] ints(Integer[] boxed) {
		return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
	}

	private static long[] longs(Long[] boxed) {
		return Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
	}

	/**
	 * Subjects (programs, sections, challenges) with any stored figure of these kinds,
	 * with their labels.
	 */
	Mono<Map<String, String>> subjects(DatabaseClient database, List<String> figures) {
		return database.sql("""
				select subject, max(label) as label from reporting.release_figure where figure = any(:figures)
				group by subject""")
			.bind("figures", figures.toArray(String[]::new))
			.map((row, metadata) -> Map.entry(row.get("subject", String.class), row.get("label", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	record Partition(int k, Map<Atom, Integer> atoms, Map<Integer, Integer> cellMembers) {
	}

	/**
	 * Which figure, of which subject (empty for figures of no program, section or
	 * challenge).
	 */
	record FigureKey(String figure, String subject) {
	}

	/**
	 * One figure of one period for the cells that have it: {@code cells} ascending, with
	 * the value and the number of contributors of each at the same index. A cell not
	 * listed has none.
	 */
	record CellFigures(LocalDate period, FigureKey key, int[] cells, long[] values, long[] contributors) {

		/**
		 * The index of a cell in the arrays, or a negative number when it has no figure.
		 */
		int indexOf(int cell) {
			return Arrays.binarySearch(this.cells, cell);
		}

	}

}
