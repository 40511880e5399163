package dev.limber.reporting.ingestion;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationEvent.ActivityLogged;
import dev.limber.programs.ParticipationEvent.ChallengeJoined;
import dev.limber.programs.ParticipationEvent.ChecklistCompleted;
import dev.limber.programs.ParticipationEvent.EnrollmentCreated;
import dev.limber.programs.ParticipationEvent.ProgramCompleted;
import dev.limber.programs.ParticipationOutbox.Entry;

/**
 * Adds participation events to the rollups of their tenant. Activities, nearly all of the
 * traffic, are added set-based: two statements per batch, whatever its size.
 */
@Component
class RollupWriter {

	private final DatabaseClient database;

	RollupWriter(DatabaseClient database) {
		this.database = database;
	}

	/** Adds a batch of one tenant's events, in the caller's transaction. */
	Mono<Void> apply(List<Entry> events, byte[] key) {
		List<Entry> activities = events.stream().filter((entry) -> entry.event() instanceof ActivityLogged).toList();
		Flux<Void> others = Flux.fromIterable(events)
			.filter((entry) -> !(entry.event() instanceof ActivityLogged))
			.concatMap((entry) -> apply(entry, key));
		return activities(activities, key).thenMany(others).then();
	}

	private Mono<Void> apply(Entry entry, byte[] key) {
		ParticipationEvent event = entry.event();
		Place place = new Place(entry.tenant().value(), day(entry), text(event.department()), text(event.location()),
				Pseudonyms.of(key, event.memberId().toString()));
		if (event instanceof EnrollmentCreated enrollment) {
			return program(place, enrollment.program(), "enrolled_on");
		}
		if (event instanceof ProgramCompleted completion) {
			return program(place, completion.program(), "completed_on");
		}
		if (event instanceof ChecklistCompleted checklist) {
			return checklist(place, checklist);
		}
		if (event instanceof ChallengeJoined joined) {
			return challenge(place, joined);
		}
		return Mono.error(new IllegalStateException("No rollup for " + event.type()));
	}

	/** Where and when an event counts, and for whom. */
	private record Place(UUID tenant, LocalDate day, String department, String location, String pseudonym) {
	}

	/**
	 * Sessions and seconds per day and category, per week and month, and per member and
	 * week (for the release tables); distinct participants per day, and per week and
	 * month, where a member's first activity in a period adds one.
	 */
	private Mono<Void> activities(List<Entry> activities, byte[] key) {
		if (activities.isEmpty()) {
			return Mono.empty();
		}
		ActivityBatch batch = ActivityBatch.of(activities, key);
		Mono<Void> totals = this.database
			.sql("""
					with batch as (
					    select :tenant::uuid as tenant_id, b.*
					    from unnest(:days::date[], :departments::text[], :locations::text[], :categories::text[],
					        :seconds::bigint[], :pseudonyms::text[])
					        as b(day, department, location, category, seconds, pseudonym)),
					persons as (
					    insert into reporting.person_week (tenant_id, week, pseudonym, sessions, seconds)
					    select tenant_id, date_trunc('week', day)::date, pseudonym, count(*), sum(seconds)
					    from batch group by 1, 2, 3
					    on conflict (tenant_id, week, pseudonym)
					    do update set sessions = person_week.sessions + excluded.sessions,
					        seconds = person_week.seconds + excluded.seconds),
					days as (
					    insert into reporting.activity_day (tenant_id, day, department, location, category, sessions, seconds)
					    select tenant_id, day, department, location, category, count(*), sum(seconds)
					    from batch group by 1, 2, 3, 4, 5
					    on conflict (tenant_id, day, department, location, category)
					    do update set sessions = activity_day.sessions + excluded.sessions,
					        seconds = activity_day.seconds + excluded.seconds)
					insert into reporting.period_activity (tenant_id, unit, period, department, location, sessions, seconds)
					select tenant_id, unit, date_trunc(unit, day)::date, department, location, count(*), sum(seconds)
					from batch cross join (values ('week'), ('month')) as units(unit) group by 1, 2, 3, 4, 5
					on conflict (tenant_id, unit, period, department, location)
					do update set sessions = period_activity.sessions + excluded.sessions,
					    seconds = period_activity.seconds + excluded.seconds""")
			.bind("tenant", batch.tenant())
			.bind("days", batch.days())
			.bind("departments", batch.departments())
			.bind("locations", batch.locations())
			.bind("categories", batch.categories())
			.bind("seconds", batch.seconds())
			.bind("pseudonyms", batch.pseudonyms())
			.then();
		// A member counts in the department and location of their earliest activity
		// in a period.
		Mono<Void> participants = this.database.sql("""
				with batch as (
				    select :tenant::uuid as tenant_id, b.*
				    from unnest(:days::date[], :departments::text[], :locations::text[], :pseudonyms::text[])
				        with ordinality as b(day, department, location, pseudonym, position)),
				days as (
				    insert into reporting.participant_day (tenant_id, day, department, location, pseudonym)
				    select distinct tenant_id, day, department, location, pseudonym from batch
				    on conflict do nothing),
				fresh as (
				    insert into reporting.period_participant (tenant_id, unit, period, department, location, pseudonym)
				    select distinct on (unit, date_trunc(unit, day), pseudonym)
				        tenant_id, unit, date_trunc(unit, day)::date, department, location, pseudonym
				    from batch cross join (values ('week'), ('month')) as units(unit)
				    order by unit, date_trunc(unit, day), pseudonym, day, position
				    on conflict do nothing
				    returning tenant_id, unit, period, department, location)
				insert into reporting.period_participation (tenant_id, unit, period, department, location, participants)
				select tenant_id, unit, period, department, location, count(*) from fresh group by 1, 2, 3, 4, 5
				on conflict (tenant_id, unit, period, department, location)
				do update set participants = period_participation.participants + excluded.participants""")
			.bind("tenant", batch.tenant())
			.bind("days", batch.days())
			.bind("departments", batch.departments())
			.bind("locations", batch.locations())
			.bind("pseudonyms", batch.pseudonyms())
			.then();
		return totals.then(participants);
	}

	/** A batch of activities as columns, for {@code unnest}. */
	private record ActivityBatch(UUID tenant, String[] days, String[] departments, String[] locations,
			String[] categories, Long[] seconds, String[] pseudonyms) {

		static ActivityBatch of(List<Entry> activities, byte[] key) {
			int size = activities.size();
			ActivityBatch batch = new ActivityBatch(activities.get(0).tenant().value(), new String[size],
					new String[size], new String[size], new String[size], new Long[size], new String[size]);
			for (int i = 0; i < size; i++) {
				Entry entry = activities.get(i);
				ActivityLogged activity = (ActivityLogged) entry.event();
				batch.days[i] = day(entry).toString();
				batch.departments[i] = text(activity.department());
				batch.locations[i] = text(activity.location());
				batch.categories[i] = text(activity.category());
				batch.seconds[i] = (long) activity.durationSeconds();
				batch.pseudonyms[i] = Pseudonyms.of(key, activity.memberId().toString());
			}
			return batch;
		}

	}

	private Mono<Void> program(Place place, String program, String column) {
		return this.database
			.sql("insert into reporting.program_participant (tenant_id, program, pseudonym, department, " + "location, "
					+ column + ") values (:tenant, :program, :pseudonym, :department, :location, :day) "
					+ "on conflict (tenant_id, program, pseudonym) do update set " + column + " = excluded." + column)
			.bind("tenant", place.tenant())
			.bind("program", text(program))
			.bind("pseudonym", place.pseudonym())
			.bind("department", place.department())
			.bind("location", place.location())
			.bind("day", place.day())
			.then();
	}

	private Mono<Void> challenge(Place place, ChallengeJoined joined) {
		return this.database.sql("""
				insert into reporting.challenge_participant (tenant_id, challenge_id, title, pseudonym, department,
				    location, joined_on)
				values (:tenant, :challenge, :title, :pseudonym, :department, :location, :day)
				on conflict do nothing""")
			.bind("tenant", place.tenant())
			.bind("challenge", joined.challengeId())
			.bind("title", text(joined.title()))
			.bind("pseudonym", place.pseudonym())
			.bind("department", place.department())
			.bind("location", place.location())
			.bind("day", place.day())
			.then();
	}

	private Mono<Void> checklist(Place place, ChecklistCompleted checklist) {
		Map<String, Boolean> sections = (checklist.sectionFailed() != null) ? checklist.sectionFailed() : Map.of();
		return Flux.fromIterable(sections.entrySet())
			.concatMap((section) -> this.database
				.sql("""
						insert into reporting.checklist_answer_day (tenant_id, day, department, location, section, pseudonym,
						    failed)
						values (:tenant, :day, :department, :location, :section, :pseudonym, :failed)
						on conflict (tenant_id, day, department, location, section, pseudonym)
						do update set failed = excluded.failed""")
				.bind("tenant", place.tenant())
				.bind("day", place.day())
				.bind("department", place.department())
				.bind("location", place.location())
				.bind("section", section.getKey())
				.bind("pseudonym", place.pseudonym())
				.bind("failed", Boolean.TRUE.equals(section.getValue()))
				.then())
			.then();
	}

	/** Days are the organization's calendar days, as its people and HR count them. */
	private static LocalDate day(Entry entry) {
		return entry.occurredAt().atZoneSameInstant(zone(entry.event().zone())).toLocalDate();
	}

	private static ZoneId zone(String id) {
		return (id != null && ZoneId.getAvailableZoneIds().contains(id)) ? ZoneId.of(id) : ZoneOffset.UTC;
	}

	/** Rollups keep an empty string, not null, for "no department" so it stays a key. */
	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
