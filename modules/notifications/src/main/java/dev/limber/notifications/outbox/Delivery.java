package dev.limber.notifications.outbox;

import java.time.Instant;

/** What became of one attempt to deliver a message. */
public sealed interface Delivery {

	Delivery SENT = new Sent();

	static Delivery retry(String reason) {
		return new Retry(reason);
	}

	static Delivery permanent(String reason) {
		return new Permanent(reason);
	}

	/** The receiver took it. */
	record Sent() implements Delivery {
	}

	/** Worth trying again later: the receiver was down, slow or busy. */
	record Retry(String reason) implements Delivery {
	}

	/** Trying again cannot help: the address is gone or the message was refused. */
	record Permanent(String reason) implements Delivery {
	}

	/** Not now (quiet hours); does not count as an attempt. */
	record Deferred(Instant until) implements Delivery {
	}

	/** Not at all any more: the channel was turned off or the recipient opted out. */
	record Dropped(String reason) implements Delivery {
	}

}
