package dev.limber.programs.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationOutbox;

/** Reads and removes outbox events for consumers, with {@code for update skip locked}. */
@Component
class OutboxReader implements ParticipationOutbox {

	private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final ObjectMapper json;

	OutboxReader(DatabaseClient database, ObjectMapper json) {
		this.database = database;
		this.json = json;
	}

	@Override
	public Flux<TenantId> tenantsWithEvents() {
		return this.database.sql("select tenant_id from programs.outbox_pending_tenants()")
			.map((row, metadata) -> new TenantId(row.get("tenant_id", UUID.class)))
			.all();
	}

	@Override
	public Flux<ParticipationEvent> lock(int max) {
		return this.database.sql("""
				select tenant_id, id, event_type, occurred_at, payload from programs.participation_outbox
				order by id limit :max for update skip locked""")
			.bind("max", max)
			.map((row, metadata) -> new ParticipationEvent(new TenantId(row.get("tenant_id", UUID.class)),
					row.get("id", Long.class), row.get("event_type", String.class),
					row.get("occurred_at", OffsetDateTime.class),
					this.json.readValue(row.get("payload", Json.class).asString(), PAYLOAD)))
			.all();
	}

	@Override
	public Mono<Void> remove(List<Long> ids) {
		return this.database.sql("delete from programs.participation_outbox where id = any(:ids)")
			.bind("ids", ids.toArray(Long[]::new))
			.then();
	}

	@Override
	public Mono<Lag> lag() {
		return this.database.sql("select pending, oldest_seconds from programs.outbox_lag()")
			.map((row, metadata) -> new Lag(row.get("pending", Long.class), row.get("oldest_seconds", Double.class)))
			.one();
	}

}
