package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;

/** Recorded activities of the current tenant, read inside the caller's transaction. */
public interface ActivityHistory {

	/** {@code member}'s activities completed in {@code [from, to)}, oldest first. */
	Flux<RecordedActivity> ofMember(UUID member, OffsetDateTime from, OffsetDateTime to);

}
