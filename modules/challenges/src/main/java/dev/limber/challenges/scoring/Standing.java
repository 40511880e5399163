package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.ChallengeStatus;

/**
 * A challenge's standing at one moment, shared by everyone watching it. It knows members
 * (to show each viewer their own place); {@link LeaderboardView} decides what a viewer sees.
 */
public record Standing(Challenge challenge, ChallengeStatus status, Instant computedAt, List<TeamStanding> teams,
		List<MemberStanding> members) {

	public Optional<MemberStanding> member(UUID id) {
		return this.members.stream().filter((member) -> member.id().equals(id)).findFirst();
	}

	public Optional<TeamStanding> team(UUID id) {
		return this.teams.stream().filter((team) -> team.id().equals(id)).findFirst();
	}

	/**
	 * @param eligible members counted for the team: those on it now and those who scored for it
	 * before moving
	 * @param average score per eligible member, which ranks teams fairly whatever their size
	 */
	public record TeamStanding(UUID id, String name, int rank, int eligible, double total, double average) {
	}

	/** @param team the team the member plays for now (or last scored for) */
	public record MemberStanding(UUID id, UUID team, String publicName, double score, int rank) {
	}

}
