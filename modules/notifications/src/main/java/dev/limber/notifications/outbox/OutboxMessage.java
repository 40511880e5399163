package dev.limber.notifications.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;

/**
 * A message a worker claimed: it owns it until {@code claimedUntil}.
 *
 * @param attempts attempts so far, this one included
 */
public record OutboxMessage(TenantId tenant, UUID id, String recipient, Channel channel, String kind, String dedupeKey,
		Map<String, Object> payload, int attempts, Instant createdAt, Instant claimedUntil) {

	public String text(String key) {
		Object value = this.payload.get(key);
		return (value != null) ? value.toString() : null;
	}

}
