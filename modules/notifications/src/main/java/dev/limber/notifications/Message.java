package dev.limber.notifications;

import java.util.Map;
import java.util.Objects;

/**
 * A message to enqueue.
 *
 * @param recipient a member id for personal channels, a webhook id for chat channels
 * @param kind what it is about (for example {@code weekly-summary}), which preferences
 * govern
 * @param dedupeKey names the cause: the same recipient, channel and key are sent at most
 * once
 * @param payload what the channel's template needs; never more than the recipient may see
 */
public record Message(String recipient, Channel channel, String kind, String dedupeKey, Map<String, Object> payload) {

	public Message {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dedupeKey, "dedupeKey");
		payload = Map.copyOf(payload);
	}

}
