package dev.limber.programs;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An activity as the programs module recorded it.
 *
 * @param category the routine's or exercise's category, as in the catalog
 * @param completedAt when the employee did it
 * @param loggedAt when it was recorded, which for a backdated log is later
 */
public record RecordedActivity(UUID id, UUID memberId, String kind, String slug, String category, int durationSeconds,
		OffsetDateTime completedAt, OffsetDateTime loggedAt) {
}
