package dev.limber.notifications;

import reactor.core.publisher.Mono;

/**
 * The outbox, for modules whose facts cause a notification. {@link #enqueue} writes
 * inside the caller's tenant transaction, so the message commits or rolls back with its
 * cause; a message whose recipient, channel and dedupe key were enqueued before adds
 * nothing.
 */
public interface Notifications {

	/** Emits true when the message was added, false when its key was already there. */
	Mono<Boolean> enqueue(Message message);

}
