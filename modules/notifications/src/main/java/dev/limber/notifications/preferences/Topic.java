package dev.limber.notifications.preferences;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import dev.limber.notifications.Channel;

/** What a personal message is about, and the channels that carry it. */
public enum Topic {

	WEEKLY_SUMMARY("weekly-summary", Set.of(Channel.EMAIL)),
	CHALLENGES("challenges", Set.of(Channel.EMAIL, Channel.PUSH)),
	BREAK_REMINDERS("break-reminders", Set.of(Channel.PUSH));

	private final String key;

	private final Set<Channel> channels;

	Topic(String key, Set<Channel> channels) {
		this.key = key;
		this.channels = channels;
	}

	/** The message kind and the name in the database. */
	public String key() {
		return this.key;
	}

	public boolean carriedBy(Channel channel) {
		return this.channels.contains(channel);
	}

	public static Optional<Topic> of(String key) {
		return Arrays.stream(values()).filter((topic) -> topic.key.equals(key)).findFirst();
	}

}
