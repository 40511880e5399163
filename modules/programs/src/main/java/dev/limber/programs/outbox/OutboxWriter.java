package dev.limber.programs.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationEventJson;
import dev.limber.programs.ParticipationEvents;

/** Writes participation events for reporting, inside the caller's transaction. */
@Component
public class OutboxWriter implements ParticipationEvents {

	private final DatabaseClient database;

	private final Clock clock;

	OutboxWriter(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	/** Publishes an event that happens now. */
	public Mono<Void> publish(TenantId tenant, ParticipationEvent event) {
		return publish(tenant, OffsetDateTime.now(this.clock), event);
	}

	@Override
	public Mono<Void> publish(TenantId tenant, OffsetDateTime occurredAt, ParticipationEvent event) {
		return this.database.sql("""
				insert into programs.participation_outbox (tenant_id, event_type, occurred_at, payload)
				values (:tenant, :type, :occurredAt, :payload)""")
			.bind("tenant", tenant.value())
			.bind("type", event.type().stored())
			.bind("occurredAt", occurredAt)
			.bind("payload", Json.of(ParticipationEventJson.write(event)))
			.then();
	}

	/** Publishes many events in one statement, for bulk imports. */
	public Mono<Void> publishAll(TenantId tenant, List<Dated> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("""
					insert into programs.participation_outbox (tenant_id, event_type, occurred_at, payload)
					select :tenant, e.type, e.occurred_at, e.payload::jsonb
					from unnest(:types::text[], :occurredAt::timestamptz[], :payloads::text[]) as e(type, occurred_at, payload)""")
			.bind("tenant", tenant.value())
			.bind("types", events.stream().map((dated) -> dated.event().type().stored()).toArray(String[]::new))
			.bind("occurredAt", events.stream().map(Dated::occurredAt).toArray(OffsetDateTime[]::new))
			.bind("payloads",
					events.stream().map((dated) -> ParticipationEventJson.write(dated.event())).toArray(String[]::new))
			.then();
	}

	/** An event and when it happened. */
	public record Dated(OffsetDateTime occurredAt, ParticipationEvent event) {
	}

}
