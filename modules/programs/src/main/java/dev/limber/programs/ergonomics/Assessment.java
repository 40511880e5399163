package dev.limber.programs.ergonomics;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One take of the checklist: item id → passed. */
public record Assessment(UUID id, OffsetDateTime startedAt, OffsetDateTime completedAt, Map<String, Boolean> answers) {

	Assessment withAnswers(Map<String, Boolean> answers) {
		return new Assessment(this.id, this.startedAt, this.completedAt, answers);
	}

	public boolean completed() {
		return this.completedAt != null;
	}

}
