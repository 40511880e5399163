package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recorded activities of the current tenant, read inside the caller's transaction. */
public interface ActivityHistory {

	/** {@code member}'s activities completed in {@code [from, to)}, oldest first. */
	Flux<RecordedActivity> ofMember(UUID member, OffsetDateTime from, OffsetDateTime to);

	/**
	 * Holds {@code member}'s activity writes until the caller's transaction ends: an
	 * activity being written now commits first and is seen by the caller's next read, any
	 * later one starts after the caller committed and sees what it wrote. For a caller
	 * that reads a member's activities while changing what their next ones do.
	 */
	Mono<Void> holdWrites(UUID member);

}
