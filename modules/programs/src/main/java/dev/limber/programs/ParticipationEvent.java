package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.Map;

import dev.limber.kernel.tenant.TenantId;

/**
 * Something an employee did that reporting counts: {@code activity.logged},
 * {@code enrollment.created}, {@code program.completed}, {@code checklist.completed}.
 * The payload carries the member id only for pseudonymization by the consumer.
 */
public record ParticipationEvent(TenantId tenant, long id, String type, OffsetDateTime occurredAt,
		Map<String, Object> payload) {
}
