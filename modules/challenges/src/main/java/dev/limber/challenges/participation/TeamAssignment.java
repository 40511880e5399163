package dev.limber.challenges.participation;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.Challenge.ChallengeTeam;

/**
 * Which of a challenge's teams a member's activity belongs to right now. In a challenge
 * of the organization's teams it follows the member's current team, so a member who moved
 * scores for the new team from then on; a team picked for the challenge never changes.
 */
final class TeamAssignment {

	private TeamAssignment() {
	}

	static Optional<UUID> current(Challenge challenge, Optional<UUID> joinedTeam, Set<UUID> orgTeams) {
		if (challenge.teamChoice()) {
			return joinedTeam;
		}
		Optional<UUID> stillOnJoinedTeam = joinedTeam.filter((team) -> challenge.teams()
			.stream()
			.anyMatch((candidate) -> candidate.id().equals(team) && orgTeams.contains(candidate.orgTeamId())));
		if (stillOnJoinedTeam.isPresent()) {
			return stillOnJoinedTeam;
		}
		return challenge.teams()
			.stream()
			.filter((team) -> orgTeams.contains(team.orgTeamId()))
			.min(Comparator.comparing(ChallengeTeam::name))
			.map(ChallengeTeam::id);
	}

}
