package dev.limber.programs.mydata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.privacy.PersonalData;
import dev.limber.kernel.tenant.TenantId;

/**
 * A member's activities, enrollments, screening acknowledgement, assessments and reminder
 * settings. Erasing keeps the participation events reporting still has to count, but with
 * the member id replaced by a random one, so they no longer point to anyone.
 */
@Component
class ProgramsPersonalData implements PersonalData {

	private static final Map<String, String> EXPORTS = exports();

	private static final List<String> ERASE = List.of("delete from programs.activity where member_id = :member",
			"delete from programs.idempotency_key where member_id = :member",
			"delete from programs.enrollment where member_id = :member",
			"delete from programs.screening_acknowledgement where member_id = :member",
			"delete from programs.assessment where member_id = :member",
			"delete from programs.reminder_settings where member_id = :member", """
					update programs.participation_outbox
					set payload = jsonb_set(payload, '{memberId}', to_jsonb(:anonymous::text))
					where payload ->> 'memberId' = :member::text""");

	private final DatabaseClient database;

	ProgramsPersonalData(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public String section() {
		return "programs";
	}

	@Override
	public Mono<Object> export(TenantId tenant, UUID member) {
		return Flux.fromIterable(EXPORTS.entrySet())
			.concatMap((export) -> this.database.sql(export.getValue())
				.bind("member", member)
				.fetch()
				.all()
				.collectList()
				.map((rows) -> Map.entry(export.getKey(), rows)))
			.collect(() -> new LinkedHashMap<String, Object>(),
					(all, entry) -> all.put(entry.getKey(), entry.getValue()))
			.cast(Object.class);
	}

	@Override
	public Mono<Void> erase(TenantId tenant, UUID member) {
		UUID anonymous = UUID.randomUUID();
		return Flux.fromIterable(ERASE).concatMap((sql) -> {
			var spec = this.database.sql(sql).bind("member", member);
			return (sql.contains(":anonymous") ? spec.bind("anonymous", anonymous) : spec).then();
		}).then();
	}

	private static Map<String, String> exports() {
		Map<String, String> exports = new LinkedHashMap<>();
		exports.put("activities", """
				select id, kind, slug, category, duration_seconds, completed_at, logged_at
				from programs.activity where member_id = :member order by completed_at""");
		exports.put("enrollments", """
				select program_slug, started_on, status, created_at from programs.enrollment
				where member_id = :member order by created_at""");
		exports.put("screeningAcknowledgement",
				"select acknowledged_at from programs.screening_acknowledgement where member_id = :member");
		exports.put("assessments",
				"""
						select a.id, a.started_at, a.completed_at,
						    coalesce(jsonb_object_agg(x.item_id, x.passed) filter (where x.item_id is not null), '{}') as answers
						from programs.assessment a
						left join programs.assessment_answer x on x.tenant_id = a.tenant_id and x.assessment_id = a.id
						where a.member_id = :member group by a.tenant_id, a.id order by a.started_at""");
		exports.put("reminderSettings", """
				select work_start, work_end, work_days, interval_minutes, break_minutes, time_zone,
				    feed_token_hash is not null as calendar_feed_active
				from programs.reminder_settings where member_id = :member""");
		return exports;
	}

}
