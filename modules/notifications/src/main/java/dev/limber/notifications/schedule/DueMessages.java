package dev.limber.notifications.schedule;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Messages that fall due as time passes (weekly summaries, break reminders, challenge
 * posts and notices), found by looking again every {@link #period()}. Each is keyed by
 * its moment, so looking twice, or on several instances, adds nothing.
 */
public interface DueMessages {

	/** How often to look; the first look is one period after start-up. */
	Duration period();

	/**
	 * Enqueues every message that is due and not enqueued yet; emits how many were added.
	 */
	Mono<Integer> enqueueDue();

}
