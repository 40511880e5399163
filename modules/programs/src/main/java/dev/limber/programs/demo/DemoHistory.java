package dev.limber.programs.demo;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.MembersProvisioned;
import dev.limber.programs.ActivitiesImported;
import dev.limber.programs.catalog.Catalog;

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

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	DemoHistory(DatabaseClient database, TransactionalOperator transactions, Catalog catalog,
			ApplicationEventPublisher events) {
		this.events = events;
		this.database = database;
		this.transactions = transactions;
		this.catalog = catalog;
	}

	/**
	 * About 40% enrolled in the six-week program at some point in the twelve weeks; half of
	 * those who started more than six weeks ago finished it.
	 */
	private reactor.core.publisher.Mono<Long> enrollments(MembersProvisioned event) {
		List<MembersProvisioned.Member> members = event.members();
		return this.database.sql("""
				with people as (
				    select * from unnest(:ids::uuid[], :departments::text[], :locations::text[])
				        as p(id, department, location)),
				chosen as (
				    select p.*, current_date - (7 + floor(random() * 77))::int as started_on, random() < 0.5 as finisher
				    from people p where random() < 0.4),
				enrolled as (
				    insert into programs.enrollment (tenant_id, id, member_id, program_slug, started_on, status)
				    select :tenant, gen_random_uuid(), id, 'back-care-6-weeks', started_on,
				        case when finisher and started_on < current_date - 42 then 'completed' else 'active' end
				    from chosen returning member_id, started_on, status),
				events as (
				    select 'enrollment.created' as type, e.started_on as day, e.member_id from enrolled e
				    union all
				    select 'program.completed', e.started_on + 42, e.member_id from enrolled e where e.status = 'completed')
				insert into programs.participation_outbox (tenant_id, event_type, occurred_at, payload)
				select :tenant, ev.type, ev.day + time '08:00', jsonb_build_object('memberId', ev.member_id, 'zone', :zone::text,
				    'department', p.department, 'location', p.location, 'program', 'back-care-6-weeks')
				from events ev join people p on p.id = ev.member_id""")
			.bind("tenant", event.organization().value())
			.bind("zone", event.zone().getId())
			.bind("ids", members.stream().map(MembersProvisioned.Member::id).toArray(java.util.UUID[]::new))
			.bind("departments", members.stream().map(MembersProvisioned.Member::department).toArray(String[]::new))
			.bind("locations", members.stream().map(MembersProvisioned.Member::location).toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	@EventListener
	void membersProvisioned(MembersProvisioned event) {
		List<MembersProvisioned.Member> members = event.members();
		this.database.sql("""
				with people as (
				    select * from unnest(:ids::uuid[], :departments::text[], :locations::text[], :rates::float8[])
				        as p(id, department, location, rate)),
				routines as (
				    select * from unnest(:slugs::text[], :categories::text[]) with ordinality as r(slug, category, n)),
				days as (
				    select d::date as day from generate_series(current_date - 84, current_date - 1, interval '1 day') d
				    where extract(isodow from d) < 6),
				picked as (
				    select p.*, days.day, 1 + floor(random() * (select count(*) from routines))::int as n
				    from people p cross join days
				    where random() < p.rate * (0.5 + 0.5 * (days.day - (current_date - 84))::float8 / 84)),
				inserted as (
				    insert into programs.activity (tenant_id, id, member_id, kind, slug, category, duration_seconds,
				        completed_at)
				    select :tenant, gen_random_uuid(), picked.id, 'routine', r.slug, r.category,
				        240 + floor(random() * 600)::int, picked.day + time '09:30' + random() * interval '8 hours'
				    from picked join routines r on r.n = picked.n
				    returning id, member_id, slug, category, duration_seconds, completed_at)
				insert into programs.participation_outbox (tenant_id, event_type, occurred_at, payload)
				select :tenant, 'activity.logged', i.completed_at, jsonb_build_object('activityId', i.id, 'zone', :zone::text,
				    'memberId', i.member_id, 'department', p.department, 'location', p.location, 'kind', 'routine',
				    'slug', i.slug, 'category', i.category, 'durationSeconds', i.duration_seconds,
				    'completedAt', i.completed_at)
				from inserted i join people p on p.id = i.member_id""")
			.bind("tenant", event.organization().value())
			.bind("zone", event.zone().getId())
			.bind("ids", members.stream().map(MembersProvisioned.Member::id).toArray(java.util.UUID[]::new))
			.bind("departments", members.stream().map(MembersProvisioned.Member::department).toArray(String[]::new))
			.bind("locations", members.stream().map(MembersProvisioned.Member::location).toArray(String[]::new))
			.bind("rates", members.stream().map((m) -> WEEKDAY_RATE.getOrDefault(m.department(), 0.2)).toArray(Double[]::new))
			.bind("slugs", ROUTINES.toArray(String[]::new))
			.bind("categories", ROUTINES.stream().map((slug) -> this.catalog.routine(slug).orElseThrow().category())
				.toArray(String[]::new))
			.fetch()
			.rowsUpdated()
			.flatMap((activities) -> enrollments(event).thenReturn(activities))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(event.organization()))
			.subscribe((rows) -> {
				logger.info("Demo history: " + rows + " activities for " + members.size() + " people");
				this.events.publishEvent(new ActivitiesImported(event.organization(), event.zone()));
			}, (ex) -> logger.warn("Demo history failed", ex));
	}

}
