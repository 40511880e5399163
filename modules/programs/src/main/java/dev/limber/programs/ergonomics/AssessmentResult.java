package dev.limber.programs.ergonomics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an assessment found: each failed item with its fix and the exercises that help.
 *
 * @param answered how many items have an answer
 * @param total how many items the checklist has
 * @param answers item id → true for "yes"
 */
public record AssessmentResult(UUID id, OffsetDateTime startedAt, OffsetDateTime completedAt, int answered, int total,
		Map<String, Boolean> answers, List<String> failedSections, List<Finding> findings) {

	public boolean completed() {
		return this.completedAt != null;
	}

	public record Finding(String section, String item, String question, String fix, List<Link> exercises) {
	}

	public record Link(String slug, String name) {
	}

}
