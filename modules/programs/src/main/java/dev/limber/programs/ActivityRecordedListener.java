package dev.limber.programs;

import reactor.core.publisher.Mono;

import dev.limber.organizations.CurrentMember;

/**
 * Called inside the transaction that records a new activity, so that what a listener
 * keeps commits or rolls back together with the activity itself. An idempotent replay of
 * the same request is not a new activity and calls no listener.
 */
public interface ActivityRecordedListener {

	Mono<Void> activityRecorded(CurrentMember member, RecordedActivity activity);

}
