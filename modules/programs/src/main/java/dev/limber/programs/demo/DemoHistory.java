package dev.limber.programs.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.r2dbc.spi.Readable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.MembersProvisioned;
import dev.limber.programs.ActivitiesImported;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.outbox.OutboxWriter;

/**
 * Development only: twelve weeks of synthetic activity for freshly created demo people,
 * written with their participation events so reporting ingests them like real ones.
 * Participation differs by department and grows over the weeks, so trends are visible.
 */
@Component
@ConditionalOnProperty(name = "limber.demo.enabled", havingValue = "true")
class DemoHistory {

	private static final Log logger = LogFactory.getLog(DemoHistory.class);

	static final Map<String, Double> WEEKDAY_RATE = Map.of("Engineering", 0.35, "Sales", 0.2, "Operations", 0.25,
			"People", 0.5, "Finance", 0.3, "Legal", 0.4);

	static final List<String> ROUTINES = List.of("desk-reset-5-min", "tight-lower-back", "hamstrings-and-hips",
			"posture-reset");

	static final String PROGRAM = "back-care-6-weeks";

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final OutboxWriter outbox;

	private final Clock clock;

	DemoHistory(DatabaseClient database, TransactionalOperator transactions, Catalog catalog,
			ApplicationEventPublisher events, OutboxWriter outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
		this.events = events;
		this.database = database;
		this.transactions = transactions;
		this.catalog = catalog;
	}

	/**
	 * About 40% enrolled in the six-week program at some point in the twelve weeks; half
	 * of those who started more than six weeks ago finished it.
	 */
	private Mono<Void> enrollments(MembersProvisioned event, Map<UUID, MembersProvisioned.Member> people,
			LocalDate today) {
		List<MembersProvisioned.Member> members = event.members();
		return this.database
			.sql("""
					with chosen as (
					    select p.id, :today::date - (7 + floor(random() * 77))::int as started_on, random() < 0.5 as finisher
					    from unnest(:ids::uuid[]) as p(id) where random() < 0.4)
					insert into programs.enrollment (tenant_id, id, member_id, program_slug, started_on, status)
					select :tenant, gen_random_uuid(), id, :program, started_on,
					    case when finisher and started_on < :today::date - 42 then 'completed' else 'active' end
					from chosen returning member_id, started_on, status""")
			.bind("tenant", event.organization().value())
			.bind("today", today)
			.bind("program", PROGRAM)
			.bind("ids", members.stream().map(MembersProvisioned.Member::id).toArray(UUID[]::new))
			.map((row, metadata) -> new Enrolled(row.get("member_id", UUID.class),
					row.get("started_on", LocalDate.class), "completed".equals(row.get("status", String.class))))
			.all()
			.collectList()
			.flatMap((enrolled) -> this.outbox.publishAll(event.organization(),
					enrolled.stream().flatMap((enrollment) -> enrollment.events(people, event.zone())).toList()));
	}

	@EventListener
	void membersProvisioned(MembersProvisioned event) {
		List<MembersProvisioned.Member> members = event.members();
		Map<UUID, MembersProvisioned.Member> people = members.stream()
			.collect(Collectors.toMap(MembersProvisioned.Member::id, Function.identity()));
		LocalDate today = LocalDate.now(this.clock.withZone(event.zone()));
		this.database.sql("""
				with people as (
				    select * from unnest(:ids::uuid[], :rates::float8[]) as p(id, rate)),
				routines as (
				    select * from unnest(:slugs::text[], :categories::text[]) with ordinality as r(slug, category, n)),
				days as (
				    select d::date as day from generate_series(:today::date - 84, :today::date - 1, interval '1 day') d
				    where extract(isodow from d) < 6),
				picked as (
				    select p.*, days.day, 1 + floor(random() * (select count(*) from routines))::int as n
				    from people p cross join days
				    where random() < p.rate * (0.5 + 0.5 * (days.day - (:today::date - 84))::float8 / 84))
				insert into programs.activity (tenant_id, id, member_id, kind, slug, category, duration_seconds,
				    completed_at)
				select :tenant, gen_random_uuid(), picked.id, 'routine', r.slug, r.category,
				    240 + floor(random() * 600)::int, picked.day + time '09:30' + random() * interval '8 hours'
				from picked join routines r on r.n = picked.n
				returning id, member_id, slug, category, duration_seconds, completed_at""")
			.bind("tenant", event.organization().value())
			.bind("today", today)
			.bind("ids", members.stream().map(MembersProvisioned.Member::id).toArray(UUID[]::new))
			.bind("rates",
					members.stream().map((m) -> WEEKDAY_RATE.getOrDefault(m.department(), 0.2)).toArray(Double[]::new))
			.bind("slugs", ROUTINES.toArray(String[]::new))
			.bind("categories",
					ROUTINES.stream()
						.map((slug) -> this.catalog.routine(slug).orElseThrow().category())
						.toArray(String[]::new))
			.map((row, metadata) -> activityLogged(row, people, event.zone()))
			.all()
			// Finish reading the inserted rows before the next statement on
			// the same connection.
			.collectList()
			.flatMap((activities) -> this.outbox.publishAll(event.organization(), activities)
				.then(enrollments(event, people, today))
				.thenReturn(activities.size()))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(event.organization()))
			.subscribe((rows) -> {
				logger.info("Demo history: " + rows + " activities for " + members.size() + " people");
				this.events.publishEvent(new ActivitiesImported(event.organization(), event.zone()));
			}, (ex) -> logger.warn("Demo history failed", ex));
	}

	private static OutboxWriter.Dated activityLogged(Readable row, Map<UUID, MembersProvisioned.Member> people,
			ZoneId zone) {
		MembersProvisioned.Member member = people.get(row.get("member_id", UUID.class));
		OffsetDateTime completedAt = row.get("completed_at", OffsetDateTime.class);
		return new OutboxWriter.Dated(completedAt,
				new ParticipationEvent.ActivityLogged(row.get("id", UUID.class), member.id(), member.department(),
						member.location(), List.of(), "routine", row.get("slug", String.class),
						row.get("category", String.class), row.get("duration_seconds", Integer.class), completedAt,
						zone.getId()));
	}

	/** An enrollment and whether it was finished, six weeks after it started. */
	private record Enrolled(UUID member, LocalDate startedOn, boolean completed) {

		Stream<OutboxWriter.Dated> events(Map<UUID, MembersProvisioned.Member> people, ZoneId zone) {
			MembersProvisioned.Member person = people.get(this.member);
			OutboxWriter.Dated started = new OutboxWriter.Dated(morning(this.startedOn, zone),
					new ParticipationEvent.EnrollmentCreated(this.member, person.department(), person.location(),
							PROGRAM, zone.getId()));
			OutboxWriter.Dated finished = new OutboxWriter.Dated(morning(this.startedOn.plusDays(42), zone),
					new ParticipationEvent.ProgramCompleted(this.member, person.department(), person.location(),
							PROGRAM, zone.getId()));
			return this.completed ? Stream.of(started, finished) : Stream.of(started);
		}

		private static OffsetDateTime morning(LocalDate day, ZoneId zone) {
			return day.atTime(8, 0).atZone(zone).toOffsetDateTime();
		}

	}

}
