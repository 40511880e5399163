package dev.limber.notifications.push;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/** Members' push subscriptions (current tenant). */
@Repository
class PushSubscriptionStore {

	private final DatabaseClient database;

	PushSubscriptionStore(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Adds the subscription, or gives an endpoint subscribed again to this member with
	 * its new keys.
	 */
	Mono<PushSubscription> save(TenantId tenant, UUID member, String endpoint, String p256dh, String auth,
			Instant now) {
		return this.database
			.sql("""
					insert into notifications.push_subscription (tenant_id, id, member_id, endpoint, p256dh, auth, created_at)
					values (:tenant, :id, :member, :endpoint, :p256dh, :auth, :now)
					on conflict (tenant_id, endpoint) do update set member_id = excluded.member_id,
					    p256dh = excluded.p256dh, auth = excluded.auth
					returning id, member_id, endpoint, p256dh, auth, created_at""")
			.bind("tenant", tenant.value())
			.bind("id", UUID.randomUUID())
			.bind("member", member)
			.bind("endpoint", endpoint)
			.bind("p256dh", p256dh)
			.bind("auth", auth)
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.map(PushSubscriptionStore::map)
			.one();
	}

	Flux<PushSubscription> ofMember(UUID member) {
		return this.database.sql("""
				select id, member_id, endpoint, p256dh, auth, created_at from notifications.push_subscription
				where member_id = :member order by created_at""")
			.bind("member", member)
			.map(PushSubscriptionStore::map)
			.all();
	}

	Mono<PushSubscription> find(UUID id) {
		return this.database.sql("""
				select id, member_id, endpoint, p256dh, auth, created_at from notifications.push_subscription
				where id = :id""").bind("id", id).map(PushSubscriptionStore::map).one();
	}

	Mono<Long> delete(UUID id, UUID member) {
		return this.database.sql("delete from notifications.push_subscription where id = :id and member_id = :member")
			.bind("id", id)
			.bind("member", member)
			.fetch()
			.rowsUpdated();
	}

	private static PushSubscription map(Readable row) {
		return new PushSubscription(row.get("id", UUID.class), row.get("member_id", UUID.class),
				row.get("endpoint", String.class), row.get("p256dh", String.class), row.get("auth", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}

	record PushSubscription(UUID id, UUID member, String endpoint, String p256dh, String auth, Instant createdAt) {
	}

}
