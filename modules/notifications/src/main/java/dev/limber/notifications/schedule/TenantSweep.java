package dev.limber.notifications.schedule;

import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;
import dev.limber.notifications.preferences.Topic;

/**
 * Runs a piece of work in every tenant that needs it, one tenant after the other, each
 * bound to its tenant. The tenant list comes from a security-definer function (no tenant
 * is bound yet) and is read completely before the first tenant's work starts on a
 * connection.
 */
@Component
public class TenantSweep {

	private final DatabaseClient database;

	TenantSweep(DatabaseClient database) {
		this.database = database;
	}

	/** The tenants with at least one member subscribed to the topic on the channel. */
	public Flux<TenantId> subscribed(Channel channel, Topic topic) {
		return this.database.sql("select tenant_id from notifications.subscribed_tenants(:channel, :kind)")
			.bind("channel", channel.key())
			.bind("kind", topic.key())
			.map((row, metadata) -> new TenantId(row.get("tenant_id", UUID.class)))
			.all();
	}

	/**
	 * Runs the work for each tenant (bound to it) and emits the sum of what it counted.
	 */
	public Mono<Integer> each(Flux<TenantId> tenants, Function<TenantId, Mono<Integer>> work) {
		return tenants.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap((tenant) -> work.apply(tenant).contextWrite(TenantContext.with(tenant)))
			.reduce(0, Integer::sum);
	}

}
