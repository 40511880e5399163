package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.limber.kernel.tenant.TenantId;

/**
 * Adds an event to the participation outbox inside the caller's transaction, for modules
 * whose facts reporting counts too (challenge joins). The payload carries no name or email.
 */
public interface ParticipationEvents {

	Mono<Void> publish(TenantId tenant, String eventType, OffsetDateTime occurredAt, Map<String, Object> payload);

}
