package dev.limber.programs.activity;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A completed routine, exercise or activity: exactly one of the three slugs.
 *
 * @param durationSeconds how long it took, 1 second to 4 hours
 * @param completedAt when it ended; now if left out; up to 72 hours back
 */
public record ActivityRequest(@Size(max = 100) String routine, @Size(max = 100) String exercise,
		@Size(max = 100) String activity, @NotNull @Min(1) @Max(14400) Integer durationSeconds,
		OffsetDateTime completedAt) {

	/**
	 * A stable fingerprint of what was asked, to tell a retry from a different request.
	 */
	String fingerprint() {
		return String.join("|", String.valueOf(this.routine), String.valueOf(this.exercise),
				String.valueOf(this.activity), String.valueOf(this.durationSeconds),
				(this.completedAt != null) ? this.completedAt.toInstant().toString() : "now");
	}

}
