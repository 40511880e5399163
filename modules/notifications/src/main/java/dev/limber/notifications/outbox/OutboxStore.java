package dev.limber.notifications.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;
import dev.limber.notifications.Message;

/**
 * The outbox table. Every statement but the two overview functions runs inside a tenant
 * transaction; {@link #claim} and the state changes after a send are separate
 * transactions, so no transaction stays open while a receiver is called.
 */
@Repository
class OutboxStore {

	private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final ObjectMapper json;

	OutboxStore(DatabaseClient database, ObjectMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<Boolean> insert(TenantId tenant, Message message, Instant now) {
		return this.database.sql("""
				insert into notifications.message (tenant_id, id, recipient, channel, kind, dedupe_key, payload,
				    next_attempt_at, created_at)
				values (:tenant, :id, :recipient, :channel, :kind, :key, :payload, :now, :now)
				on conflict (tenant_id, recipient, channel, dedupe_key) do nothing""")
			.bind("tenant", tenant.value())
			.bind("id", UUID.randomUUID())
			.bind("recipient", message.recipient())
			.bind("channel", message.channel().key())
			.bind("kind", message.kind())
			.bind("key", message.dedupeKey())
			.bind("payload", Json.of(this.json.writeValueAsString(message.payload())))
			.bind("now", at(now))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Tenants with messages due now (works without a tenant). */
	Flux<TenantId> dueTenants(Instant now) {
		return this.database.sql("select tenant_id from notifications.due_tenants(:now)")
			.bind("now", at(now))
			.map((row, metadata) -> new TenantId(row.get("tenant_id", UUID.class)))
			.all();
	}

	/**
	 * Takes up to {@code max} due messages of the current tenant until
	 * {@code leaseUntil}, skipping rows another worker is claiming at this moment; a
	 * claim counts as an attempt, so a worker that dies while sending still moves the
	 * message toward its last attempt.
	 */
	Flux<OutboxMessage> claim(TenantId tenant, Instant now, Instant leaseUntil, int max) {
		return this.database.sql("""
				update notifications.message m set claimed_until = :lease, attempts = m.attempts + 1
				from (select id from notifications.message
				      where status = 'pending' and next_attempt_at <= :now
				        and (claimed_until is null or claimed_until <= :now)
				      order by next_attempt_at limit :max
				      for update skip locked) due
				where m.id = due.id
				returning m.id, m.recipient, m.channel, m.kind, m.dedupe_key, m.payload, m.attempts, m.created_at,
				    m.claimed_until""")
			.bind("lease", at(leaseUntil))
			.bind("now", at(now))
			.bind("max", max)
			.map((row) -> message(tenant, row))
			.all();
	}

	/** Sent, failed or dropped: done, if this worker still holds the lease. */
	Mono<Boolean> finish(OutboxMessage message, String status, Instant now, String error) {
		return this.database.sql("""
				update notifications.message
				set status = :status, finished_at = :now, claimed_until = null, last_error = :error
				where id = :id and status = 'pending' and claimed_until = :lease""")
			.bind("status", status)
			.bind("now", at(now))
			.bind("error", (error != null) ? truncate(error) : "")
			.bind("id", message.id())
			.bind("lease", at(message.claimedUntil()))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Back in the queue until {@code next}; a deferral gives its attempt back. */
	Mono<Boolean> reschedule(OutboxMessage message, Instant next, String error, boolean countsAsAttempt) {
		return this.database.sql("""
				update notifications.message
				set next_attempt_at = :next, claimed_until = null, last_error = :error,
				    attempts = attempts - :giveBack
				where id = :id and status = 'pending' and claimed_until = :lease""")
			.bind("next", at(next))
			.bind("error", (error != null) ? truncate(error) : "")
			.bind("giveBack", countsAsAttempt ? 0 : 1)
			.bind("id", message.id())
			.bind("lease", at(message.claimedUntil()))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Pending messages per channel and the age of the oldest, across tenants. */
	Flux<Lag> lag(Instant now) {
		return this.database.sql("select channel, pending, oldest_seconds from notifications.queue_lag(:now)")
			.bind("now", at(now))
			.map((row, metadata) -> new Lag(row.get("channel", String.class), row.get("pending", Long.class),
					row.get("oldest_seconds", Double.class)))
			.all();
	}

	private OutboxMessage message(TenantId tenant, Readable row) {
		Map<String, Object> payload = this.json.readValue(row.get("payload", Json.class).asString(), PAYLOAD);
		return new OutboxMessage(tenant, row.get("id", UUID.class), row.get("recipient", String.class),
				Channel.of(row.get("channel", String.class)).orElseThrow(), row.get("kind", String.class),
				row.get("dedupe_key", String.class), payload, row.get("attempts", Integer.class),
				row.get("created_at", OffsetDateTime.class).toInstant(),
				row.get("claimed_until", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String error) {
		return (error.length() <= 500) ? error : error.substring(0, 500);
	}

	record Lag(String channel, long pending, double oldestSeconds) {
	}

}
