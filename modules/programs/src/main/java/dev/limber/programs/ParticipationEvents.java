package dev.limber.programs;

import java.time.OffsetDateTime;

import reactor.core.publisher.Mono;

import dev.limber.kernel.tenant.TenantId;

/**
 * Adds an event to the participation outbox inside the caller's transaction, for modules
 * whose facts reporting counts too (challenge joins).
 */
public interface ParticipationEvents {

	/**
	 * @param occurredAt when it happened, which for a backdated activity is not now
	 */
	Mono<Void> publish(TenantId tenant, OffsetDateTime occurredAt, ParticipationEvent event);

}
