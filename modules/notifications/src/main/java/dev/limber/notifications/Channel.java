package dev.limber.notifications;

import java.util.Arrays;
import java.util.Optional;

/** Where a message goes: to a person (email, push) or to a team's chat (Slack, Teams). */
public enum Channel {

	EMAIL("email"), PUSH("push"), SLACK("slack"), TEAMS("teams");

	private final String key;

	Channel(String key) {
		this.key = key;
	}

	/** The name in the database, the API and the settings. */
	public String key() {
		return this.key;
	}

	public boolean personal() {
		return this == EMAIL || this == PUSH;
	}

	public static Optional<Channel> of(String key) {
		return Arrays.stream(values()).filter((channel) -> channel.key.equals(key)).findFirst();
	}

}
