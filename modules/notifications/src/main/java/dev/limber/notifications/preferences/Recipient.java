package dev.limber.notifications.preferences;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/**
 * A member as the notification channels reach them: address, language, zone and choices.
 */
public record Recipient(UUID memberId, String email, Locale locale, ZoneId zone, Choices choices) {
}
