package dev.limber.reporting.ingestion;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.programs.ParticipationEvent;

/** Adds one participation event to the rollups of its tenant. */
@Component
class RollupWriter {

	private final DatabaseClient database;

	RollupWriter(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> apply(ParticipationEvent event, byte[] key) {
		Map<String, Object> payload = event.payload();
		// Days are the organization's calendar days, as its people and HR count them.
		LocalDate day = event.occurredAt().atZoneSameInstant(zone(payload)).toLocalDate();
		String department = text(payload.get("department"));
		String location = text(payload.get("location"));
		return switch (event.type()) {
			case "activity.logged" -> activity(event, day, department, location, key);
			case "enrollment.created" -> program(event, day, department, location, "enrolled_on", key);
			case "program.completed" -> program(event, day, department, location, "completed_on", key);
			case "checklist.completed" -> checklist(event, day, department, location, key);
			case "challenge.joined" -> challenge(event, day, department, location, key);
			default -> Mono.empty();
		};
	}

	private Mono<Void> activity(ParticipationEvent event, LocalDate day, String department, String location,
			byte[] key) {
		Number seconds = (Number) event.payload().get("durationSeconds");
		Mono<Void> totals = this.database.sql("""
				insert into reporting.activity_day (tenant_id, day, department, location, category, sessions, seconds)
				values (:tenant, :day, :department, :location, :category, 1, :seconds)
				on conflict (tenant_id, day, department, location, category)
				do update set sessions = activity_day.sessions + 1, seconds = activity_day.seconds + excluded.seconds""")
			.bind("tenant", event.tenant().value())
			.bind("day", day)
			.bind("department", department)
			.bind("location", location)
			.bind("category", text(event.payload().get("category")))
			.bind("seconds", seconds.longValue())
			.then();
		Mono<Void> participant = this.database.sql("""
				insert into reporting.participant_day (tenant_id, day, department, location, pseudonym)
				values (:tenant, :day, :department, :location, :pseudonym) on conflict do nothing""")
			.bind("tenant", event.tenant().value())
			.bind("day", day)
			.bind("department", department)
			.bind("location", location)
			.bind("pseudonym", Pseudonyms.of(key, String.valueOf(event.payload().get("memberId"))))
			.then();
		// The first activity of a member in a week or month adds one distinct participant to it.
		Mono<Void> periods = this.database.sql("""
				with fresh as (
				    insert into reporting.period_participant (tenant_id, unit, period, department, location, pseudonym)
				    select :tenant, unit, date_trunc(unit, :day::date)::date, :department, :location, :pseudonym
				    from (values ('week'), ('month')) as units(unit)
				    on conflict do nothing
				    returning unit, period)
				insert into reporting.period_participation (tenant_id, unit, period, department, location, participants)
				select :tenant, unit, period, :department, :location, 1 from fresh
				on conflict (tenant_id, unit, period, department, location)
				do update set participants = period_participation.participants + 1""")
			.bind("tenant", event.tenant().value())
			.bind("day", day)
			.bind("department", department)
			.bind("location", location)
			.bind("pseudonym", Pseudonyms.of(key, String.valueOf(event.payload().get("memberId"))))
			.then();
		return totals.then(participant).then(periods);
	}

	private Mono<Void> program(ParticipationEvent event, LocalDate day, String department, String location,
			String column, byte[] key) {
		return this.database.sql("insert into reporting.program_participant (tenant_id, program, pseudonym, department, "
				+ "location, " + column + ") values (:tenant, :program, :pseudonym, :department, :location, :day) "
				+ "on conflict (tenant_id, program, pseudonym) do update set " + column + " = excluded." + column)
			.bind("tenant", event.tenant().value())
			.bind("program", text(event.payload().get("program")))
			.bind("pseudonym", Pseudonyms.of(key, String.valueOf(event.payload().get("memberId"))))
			.bind("department", department)
			.bind("location", location)
			.bind("day", day)
			.then();
	}

	private Mono<Void> challenge(ParticipationEvent event, LocalDate day, String department, String location,
			byte[] key) {
		return this.database.sql("""
				insert into reporting.challenge_participant (tenant_id, challenge_id, title, pseudonym, department,
				    location, joined_on)
				values (:tenant, :challenge::uuid, :title, :pseudonym, :department, :location, :day)
				on conflict do nothing""")
			.bind("tenant", event.tenant().value())
			.bind("challenge", text(event.payload().get("challengeId")))
			.bind("title", text(event.payload().get("title")))
			.bind("pseudonym", Pseudonyms.of(key, String.valueOf(event.payload().get("memberId"))))
			.bind("department", department)
			.bind("location", location)
			.bind("day", day)
			.then();
	}

	@SuppressWarnings("unchecked")
	private Mono<Void> checklist(ParticipationEvent event, LocalDate day, String department, String location,
			byte[] key) {
		Map<String, Object> sections = (Map<String, Object>) event.payload().getOrDefault("sectionFailed", Map.of());
		String pseudonym = Pseudonyms.of(key, String.valueOf(event.payload().get("memberId")));
		return Flux.fromIterable(sections.entrySet())
			.concatMap((section) -> this.database.sql("""
					insert into reporting.checklist_answer_day (tenant_id, day, department, location, section, pseudonym,
					    failed)
					values (:tenant, :day, :department, :location, :section, :pseudonym, :failed)
					on conflict (tenant_id, day, department, location, section, pseudonym)
					do update set failed = excluded.failed""")
				.bind("tenant", event.tenant().value())
				.bind("day", day)
				.bind("department", department)
				.bind("location", location)
				.bind("section", section.getKey())
				.bind("pseudonym", pseudonym)
				.bind("failed", Boolean.TRUE.equals(section.getValue()))
				.then())
			.then();
	}

	private static ZoneId zone(Map<String, Object> payload) {
		Object zone = payload.get("zone");
		return (zone instanceof String id && ZoneId.getAvailableZoneIds().contains(id)) ? ZoneId.of(id) : ZoneOffset.UTC;
	}

	private static String text(Object value) {
		return (value == null || "null".equals(value)) ? "" : String.valueOf(value);
	}

}
