package dev.limber.notifications.preferences;

import java.time.LocalTime;
import java.util.Set;

import dev.limber.notifications.Channel;

/**
 * What a member agreed to receive. Nothing until they say so.
 *
 * @param enabled the channel and topic pairs turned on
 * @param quietStart start of the quiet hours (local), or null for none
 * @param language {@code en} or {@code de}, for email
 */
public record Choices(Set<Choice> enabled, LocalTime quietStart, LocalTime quietEnd, String language) {

	public static final Set<String> LANGUAGES = Set.of("en", "de");

	public Choices {
		enabled = Set.copyOf(enabled);
		if ((quietStart == null) != (quietEnd == null) || (quietStart != null && quietStart.equals(quietEnd))) {
			throw new IllegalArgumentException("quiet hours need a start and a different end");
		}
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language must be en or de");
		}
		for (Choice choice : enabled) {
			if (!choice.topic().carriedBy(choice.channel())) {
				throw new IllegalArgumentException(choice.topic().key() + " is not sent by " + choice.channel().key());
			}
		}
	}

	public static Choices none(String language) {
		return new Choices(Set.of(), null, null, language);
	}

	public boolean wants(Channel channel, Topic topic) {
		return this.enabled.contains(new Choice(channel, topic));
	}

	public boolean hasQuietHours() {
		return this.quietStart != null;
	}

	/** Whether {@code time} falls in the quiet hours, which may span midnight. */
	public boolean quietAt(LocalTime time) {
		if (!hasQuietHours()) {
			return false;
		}
		if (this.quietStart.isBefore(this.quietEnd)) {
			return !time.isBefore(this.quietStart) && time.isBefore(this.quietEnd);
		}
		return !time.isBefore(this.quietStart) || time.isBefore(this.quietEnd);
	}

	public record Choice(Channel channel, Topic topic) {
	}

}
