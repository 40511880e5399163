package dev.limber.notifications.outbox;

import java.time.Duration;

/**
 * Exponential backoff: the first retry after {@code base}, doubling up to {@code max}.
 */
record Backoff(Duration base, Duration max, int maxAttempts) {

	/** The wait after attempt {@code attempts} (1 is the first) failed. */
	Duration after(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration wait = this.base.multipliedBy(1L << doublings);
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	boolean exhausted(int attempts) {
		return attempts >= this.maxAttempts;
	}

}
