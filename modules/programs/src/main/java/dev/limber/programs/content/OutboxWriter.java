package dev.limber.programs.content;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationEvents;

/** Writes participation events for reporting, inside the caller's transaction. */
@Component
public class OutboxWriter implements ParticipationEvents {

	private final DatabaseClient database;

	private final ObjectMapper json;

	OutboxWriter(DatabaseClient database, ObjectMapper json) {
		this.database = database;
		this.json = json;
	}

	@Override
	public Mono<Void> publish(TenantId tenant, String eventType, OffsetDateTime occurredAt,
			Map<String, Object> payload) {
		return publish(tenant, eventType, occurredAt, this.json.writeValueAsString(payload));
	}

	public Mono<Void> publish(TenantId tenant, String eventType, String payload) {
		return publish(tenant, eventType, OffsetDateTime.now(ZoneOffset.UTC), payload);
	}

	/** @param occurredAt when it happened, which for a backdated activity is not now */
	public Mono<Void> publish(TenantId tenant, String eventType, OffsetDateTime occurredAt, String payload) {
		return this.database.sql("""
				insert into programs.participation_outbox (tenant_id, event_type, occurred_at, payload)
				values (:tenant, :type, :occurredAt, :payload)""")
			.bind("tenant", tenant.value())
			.bind("type", eventType)
			.bind("occurredAt", occurredAt)
			.bind("payload", Json.of(payload))
			.then();
	}

}
