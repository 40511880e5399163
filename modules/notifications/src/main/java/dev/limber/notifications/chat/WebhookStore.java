package dev.limber.notifications.chat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;

/** The organization's chat webhooks (current tenant). */
@Repository
class WebhookStore {

	private final DatabaseClient database;

	WebhookStore(DatabaseClient database) {
		this.database = database;
	}

	Mono<Webhook> insert(TenantId tenant, Webhook webhook) {
		return this.database
			.sql("""
					insert into notifications.webhook (tenant_id, id, channel, challenge_id, url_sealed, url_hint, daily_at,
					    created_by, created_at, language)
					values (:tenant, :id, :channel, :challenge, :sealed, :hint, :dailyAt, :createdBy, :createdAt, :language)""")
			.bind("tenant", tenant.value())
			.bind("id", webhook.id())
			.bind("channel", webhook.channel().key())
			.bind("challenge", Parameter.fromOrEmpty(webhook.challenge(), UUID.class))
			.bind("sealed", webhook.sealedUrl())
			.bind("hint", webhook.hint())
			.bind("dailyAt", webhook.dailyAt())
			.bind("createdBy", webhook.createdBy())
			.bind("createdAt", webhook.createdAt().atOffset(ZoneOffset.UTC))
			.bind("language", webhook.language().getLanguage())
			.then()
			.thenReturn(webhook);
	}

	/**
	 * The tenants with at least one webhook (a security-definer function: no tenant is
	 * bound).
	 */
	Flux<TenantId> tenants() {
		return this.database.sql("select tenant_id from notifications.webhook_tenants()")
			.map((row, metadata) -> new TenantId(row.get("tenant_id", UUID.class)))
			.all();
	}

	Flux<Webhook> all() {
		return this.database.sql("select * from notifications.webhook order by created_at")
			.map(WebhookStore::map)
			.all();
	}

	Mono<Webhook> find(UUID id) {
		return this.database.sql("select * from notifications.webhook where id = :id")
			.bind("id", id)
			.map(WebhookStore::map)
			.one();
	}

	Mono<Long> delete(UUID id) {
		return this.database.sql("delete from notifications.webhook where id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	private static Webhook map(Readable row) {
		return new Webhook(row.get("id", UUID.class), Channel.of(row.get("channel", String.class)).orElseThrow(),
				row.get("challenge_id", UUID.class), row.get("url_sealed", String.class),
				row.get("url_hint", String.class), row.get("daily_at", LocalTime.class),
				row.get("created_by", UUID.class), row.get("created_at", OffsetDateTime.class).toInstant(),
				Locale.forLanguageTag(row.get("language", String.class)));
	}

	/**
	 * @param challenge null: every challenge of the organization
	 * @param language what the posts are written in
	 */
	record Webhook(UUID id, Channel channel, UUID challenge, String sealedUrl, String hint, LocalTime dailyAt,
			UUID createdBy, Instant createdAt, Locale language) {
	}

}
