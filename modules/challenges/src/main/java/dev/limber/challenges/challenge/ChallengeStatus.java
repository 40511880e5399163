package dev.limber.challenges.challenge;

import java.time.Instant;

/** Where a challenge is in its life; follows from the clock, so every instance agrees. */
public enum ChallengeStatus {

	DRAFT, SCHEDULED, RUNNING, GRACE, FINISHED;

	static ChallengeStatus of(Challenge challenge, Instant now) {
		if (!challenge.published()) {
			return DRAFT;
		}
		if (now.isBefore(challenge.startsAt())) {
			return SCHEDULED;
		}
		if (now.isBefore(challenge.endsAt())) {
			return RUNNING;
		}
		return now.isBefore(challenge.graceEndsAt()) ? GRACE : FINISHED;
	}

	/**
	 * Rules (window, metric, cap, teams) can change only before anything could have
	 * counted.
	 */
	public boolean rulesEditable() {
		return this == DRAFT || this == SCHEDULED;
	}

	public boolean joinable() {
		return this == SCHEDULED || this == RUNNING;
	}

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
