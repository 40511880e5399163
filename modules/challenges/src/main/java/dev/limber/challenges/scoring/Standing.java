package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.ChallengeStatus;

/**
 * A challenge's standing at one moment, shared by everyone watching it. Teams and named
 * members hold only what {@link LeaderboardPrivacy} lets any member see; members' own
 * scores are there only so that {@link LeaderboardView} can show each viewer theirs.
 *
 * @param minGroupSize the organization's k when this standing was computed
 */
public record Standing(Challenge challenge, ChallengeStatus status, Instant computedAt, int minGroupSize,
		List<TeamStanding> teams, List<NamedMember> named, Map<UUID, MemberScore> members) {

	public Optional<MemberScore> member(UUID id) {
		return Optional.ofNullable(this.members.get(id));
	}

	public Optional<TeamStanding> team(UUID id) {
		return this.teams.stream().filter((team) -> team.id().equals(id)).findFirst();
	}

	/**
	 * @param rank among the teams that show figures; null for a team of fewer than k
	 * contributors
	 * @param figures the team's last release; null for a team of fewer than k
	 * contributors
	 */
	public record TeamStanding(UUID id, String name, Integer rank, Figures figures) {
	}

	/**
	 * @param members members counted for the team when released: those on it and those
	 * who scored for it before moving
	 * @param average per member, which ranks teams fairly whatever their size
	 */
	public record Figures(int members, double total, double average, Instant releasedAt) {
	}

	/** A member who chose to be shown; {@code rank} among the named only. */
	public record NamedMember(int rank, String name, double score) {
	}

	/**
	 * @param team the team the member plays for now (or last scored for)
	 */
	public record MemberScore(UUID team, double score) {
	}

}
