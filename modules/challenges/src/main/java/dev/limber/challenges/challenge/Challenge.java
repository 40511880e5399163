package dev.limber.challenges.challenge;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A team stretch challenge and its rules.
 *
 * @param zone the organization's time zone when the challenge was made: the window and
 * the daily cap's days follow it
 * @param routines routines that count; with {@code categories}, both empty means
 * everything counts
 * @param dailyCap most sessions, or minutes, one member can score per day
 * @param teamChoice members pick one of the challenge's own teams instead of joining with
 * theirs
 */
public record Challenge(UUID id, String title, String description, Instant startsAt, Instant endsAt, ZoneId zone,
		Metric metric, List<String> routines, List<String> categories, int dailyCap, int graceHours,
		boolean showIndividuals, boolean teamChoice, boolean published, UUID createdBy, List<ChallengeTeam> teams) {

	public Instant graceEndsAt() {
		return this.endsAt.plus(Duration.ofHours(this.graceHours));
	}

	public ChallengeStatus status(Instant now) {
		return ChallengeStatus.of(this, now);
	}

	/** What a challenge counts. */
	public enum Metric {

		SESSIONS, MINUTES;

		@JsonValue
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@JsonCreator
		static Metric of(String label) {
			for (Metric metric : values()) {
				if (metric.label().equals(label)) {
					return metric;
				}
			}
			throw new IllegalArgumentException("metric must be 'sessions' or 'minutes'");
		}

	}

	/**
	 * One of the challenge's teams; {@code orgTeamId} links it to the organization's
	 * team.
	 */
	public record ChallengeTeam(UUID id, String name, UUID orgTeamId) {
	}

}
