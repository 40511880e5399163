package dev.limber.programs.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationEventJson;

/** Activities, their idempotency keys and their outbox events, in the current tenant. */
@Repository
class ActivityStore {

	/**
	 * The advisory lock of one member's activity writes ({@code :member} bound): every
	 * write holds it shared until it commits.
	 */
	static final String WRITE_LOCK = "hashtextextended('programs.activity.' || :member::text, 0)";

	private static final String COLUMNS = "id, kind, slug, category, duration_seconds, completed_at, logged_at";

	private final DatabaseClient database;

	ActivityStore(DatabaseClient database) {
		this.database = database;
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

	/**
	 * Writes the activity and its participation event, and claims {@code key} for it when
	 * given, in one statement (one round trip). Empty when the key was used before, or is
	 * being used now: a concurrent duplicate waits on the key's unique index until the
	 * first commits, then writes nothing.
	 */
	Mono<ActivityView> insert(TenantId tenant, UUID member, ActivityView activity, ParticipationEvent event, String key,
			String fingerprint) {
		String claim = (key == null) ? "" : """
				claimed as (
				    insert into programs.idempotency_key (tenant_id, member_id, key, request_hash, activity_id)
				    values (:tenant, :member, :key, :hash, :id)
				    on conflict do nothing
				    returning activity_id),
				""";
		// the member's write lock, shared: see MemberActivities.holdWrites
		DatabaseClient.GenericExecuteSpec insert = this.database.sql("with " + claim + """
				held as (select pg_advisory_xact_lock_shared(""" + WRITE_LOCK + """
				)),
				saved as (
				    insert into programs.activity (tenant_id, id, member_id, kind, slug, category, duration_seconds,
				        completed_at)
				    select :tenant, :id, :member, :kind, :slug, :category, :duration, :completedAt
				""" + ((key == null) ? "    from held\n" : "    from claimed, held\n") + """
				returning""" + " " + COLUMNS + """
				),
				published as (
				    insert into programs.participation_outbox (tenant_id, event_type, occurred_at, payload)
				    select :tenant, :type, completed_at, :payload from saved)
				select""" + " " + COLUMNS + " from saved")
			.bind("tenant", tenant.value())
			.bind("id", activity.id())
			.bind("member", member)
			.bind("kind", activity.kind())
			.bind("slug", activity.slug())
			.bind("category", activity.category())
			.bind("duration", activity.durationSeconds())
			.bind("completedAt", activity.completedAt())
			.bind("type", event.type().stored())
			.bind("payload", Json.of(ParticipationEventJson.write(event)));
		if (key != null) {
			insert = insert.bind("key", key).bind("hash", fingerprint);
		}
		return insert.map(ActivityStore::map).one();
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
