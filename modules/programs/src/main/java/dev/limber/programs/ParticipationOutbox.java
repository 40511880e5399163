package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.limber.kernel.tenant.TenantId;

/**
 * The programs module's published participation events, for at-least-once consumers.
 * {@link #lock} and {@link #remove} run inside the consumer's tenant transaction: locked
 * rows are skipped by other consumers, and removal commits together with what the
 * consumer derived from them, so a crash loses nothing and counts nothing twice.
 */
public interface ParticipationOutbox {

	/** Tenants that have events waiting (works without a tenant). */
	Flux<TenantId> tenantsWithEvents();

	/**
	 * Up to {@code max} of the current tenant's oldest events of the types this version
	 * knows, locked for this transaction. Newer types wait for a consumer that knows
	 * them.
	 */
	Flux<Entry> lock(int max);

	Mono<Void> remove(List<Long> ids);

	/** Waiting events across all tenants and the age of the oldest, in seconds. */
	Mono<Lag> lag();

	/**
	 * An event as the outbox holds it: {@code occurredAt} may lie before it was written.
	 */
	record Entry(TenantId tenant, long id, OffsetDateTime occurredAt, ParticipationEvent event) {
	}

	record Lag(long pending, double oldestSeconds) {
	}

}
