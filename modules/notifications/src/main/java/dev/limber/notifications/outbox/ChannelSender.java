package dev.limber.notifications.outbox;

import reactor.core.publisher.Mono;

import dev.limber.notifications.Channel;

/**
 * Delivers claimed messages of one channel. Runs outside any transaction, in the
 * message's tenant context. Errors it does not classify count as {@link Delivery.Retry}.
 */
public interface ChannelSender {

	Channel channel();

	Mono<Delivery> send(OutboxMessage message);

}
