package dev.limber.notifications.outbox;

import java.time.Instant;
import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * Asked right before sending, since switches and preferences may have changed since the
 * message was enqueued: empty means send now, otherwise why not (dropped or deferred).
 * Runs in the message's tenant context.
 */
public interface DeliveryPolicy {

	Mono<Optional<Delivery>> check(OutboxMessage message, Instant now);

}
