package dev.limber.programs.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/** Activities, their idempotency keys and their outbox events, in the current tenant. */
@Repository
class ActivityStore {

	private static final String COLUMNS = "id, kind, slug, category, duration_seconds, completed_at, logged_at";

	private final DatabaseClient database;

	ActivityStore(DatabaseClient database) {
		this.database = database;
	}

	/** Claims {@code key} for a new activity; empty when the key was used before (or is being used now). */
	Mono<UUID> claimKey(TenantId tenant, UUID member, String key, String fingerprint, UUID activityId) {
		return this.database.sql("""
				insert into programs.idempotency_key (tenant_id, member_id, key, request_hash, activity_id)
				values (:tenant, :member, :key, :hash, :activity)
				on conflict do nothing
				returning activity_id""")
			.bind("tenant", tenant.value())
			.bind("member", member)
			.bind("key", key)
			.bind("hash", fingerprint)
			.bind("activity", activityId)
			.map((row, metadata) -> row.get("activity_id", UUID.class))
			.one();
	}

	Mono<StoredKey> findKey(UUID member, String key) {
		return this.database.sql("""
				select request_hash, activity_id from programs.idempotency_key
				where member_id = :member and key = :key""")
			.bind("member", member)
			.bind("key", key)
			.map((row, metadata) -> new StoredKey(row.get("request_hash", String.class),
					row.get("activity_id", UUID.class)))
			.one();
	}

	Mono<ActivityView> insert(TenantId tenant, UUID member, UUID id, LoggedItem item, int durationSeconds,
			OffsetDateTime completedAt) {
		return this.database.sql("""
				insert into programs.activity (tenant_id, id, member_id, kind, slug, category, duration_seconds,
				    completed_at)
				values (:tenant, :id, :member, :kind, :slug, :category, :duration, :completedAt)
				returning""" + " " + COLUMNS)
			.bind("tenant", tenant.value())
			.bind("id", id)
			.bind("member", member)
			.bind("kind", item.kind())
			.bind("slug", item.slug())
			.bind("category", item.category())
			.bind("duration", durationSeconds)
			.bind("completedAt", completedAt)
			.map(ActivityStore::map)
			.one();
	}

	Mono<ActivityView> findOwn(UUID member, UUID id) {
		return this.database.sql("select " + COLUMNS + " from programs.activity where member_id = :member and id = :id")
			.bind("member", member)
			.bind("id", id)
			.map(ActivityStore::map)
			.one();
	}

	Flux<ActivityView> findOwn(UUID member, OffsetDateTime from, OffsetDateTime to, int limit) {
		return this.database.sql("select " + COLUMNS + """
				 from programs.activity where member_id = :member and completed_at >= :from and completed_at < :to
				order by completed_at desc limit :limit""")
			.bind("member", member)
			.bind("from", from)
			.bind("to", to)
			.bind("limit", limit)
			.map(ActivityStore::map)
			.all();
	}

	private static ActivityView map(Readable row) {
		return new ActivityView(row.get("id", UUID.class), row.get("kind", String.class), row.get("slug", String.class),
				row.get("category", String.class), row.get("duration_seconds", Integer.class),
				row.get("completed_at", OffsetDateTime.class), row.get("logged_at", OffsetDateTime.class));
	}

	record StoredKey(String fingerprint, UUID activityId) {
	}

}
