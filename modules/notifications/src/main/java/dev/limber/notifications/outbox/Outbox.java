package dev.limber.notifications.outbox;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;

/** Writes messages into the caller's tenant transaction. */
@Service
class Outbox implements Notifications {

	private final OutboxStore store;

	private final Clock clock;

	Outbox(OutboxStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> enqueue(Message message) {
		return TenantContext.require().flatMap((tenant) -> this.store.insert(tenant, message, this.clock.instant()));
	}

}
