package dev.limber.programs.outbox;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationEventJson;
import dev.limber.programs.ParticipationOutbox;

/** Reads and removes outbox events for consumers, with {@code for update skip locked}. */
@Component
class OutboxReader implements ParticipationOutbox {

	private static final String[] KNOWN_TYPES = Arrays.stream(ParticipationEvent.Type.values())
		.map(ParticipationEvent.Type::stored)
		.toArray(String[]::new);

	private final DatabaseClient database;

	OutboxReader(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Flux<TenantId> tenantsWithEvents() {
		return this.database.sql("select tenant_id from programs.outbox_pending_tenants()")
			.map((row, metadata) -> new TenantId(row.get("tenant_id", UUID.class)))
			.all();
	}

	@Override
	public Flux<Entry> lock(int max) {
		return this.database.sql("""
				select tenant_id, id, event_type, occurred_at, payload from programs.participation_outbox
				where event_type = any(:types)
				order by id limit :max for update skip locked""")
			.bind("types", KNOWN_TYPES)
			.bind("max", max)
			.map((row, metadata) -> new Entry(new TenantId(row.get("tenant_id", UUID.class)), row.get("id", Long.class),
					row.get("occurred_at", OffsetDateTime.class),
					ParticipationEventJson.read(
							ParticipationEvent.Type.stored(row.get("event_type", String.class)).orElseThrow(),
							row.get("payload", Json.class).asString())))
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
