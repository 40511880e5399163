package dev.limber.programs.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A logged activity as its owner sees it. */
public record ActivityView(UUID id, String kind, String slug, String category, int durationSeconds,
		OffsetDateTime completedAt, OffsetDateTime loggedAt) {
}
