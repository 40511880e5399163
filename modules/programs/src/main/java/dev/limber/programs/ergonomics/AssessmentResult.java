package dev.limber.programs.ergonomics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What an assessment found: each failed item with its fix and the exercises that help.
 *
 * @param answered how many items have an answer
 * @param total how many items the checklist has
 */
public record AssessmentResult(UUID id, OffsetDateTime startedAt, OffsetDateTime completedAt, int answered, int total,
		List<String> failedSections, List<Finding> findings) {

	public record Finding(String section, String item, String question, String fix, List<Link> exercises) {
	}

	public record Link(String slug, String name) {
	}

}
