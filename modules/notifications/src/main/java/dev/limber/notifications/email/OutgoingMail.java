package dev.limber.notifications.email;

import java.util.Map;
import java.util.UUID;

import dev.limber.kernel.tenant.TenantId;

/**
 * A rendered email.
 *
 * @param messageId the outbox message's id, also the Message-ID, so a resend is
 * recognisable
 * @param headers extra headers (List-Unsubscribe and List-Unsubscribe-Post)
 */
record OutgoingMail(TenantId tenant, UUID messageId, String from, String to, String subject, String html, String text,
		Map<String, String> headers) {
}
