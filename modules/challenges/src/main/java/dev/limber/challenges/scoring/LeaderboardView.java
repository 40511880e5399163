package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.limber.challenges.challenge.ChallengeStatus;
import dev.limber.challenges.scoring.Standing.MemberStanding;
import dev.limber.challenges.scoring.Standing.TeamStanding;

/**
 * What one member may see of a standing. Teams show their average and total. Names appear
 * only for members who chose to be shown, only in challenges that show individuals, never
 * for a team smaller than the organization's minimum group size, and only while at least
 * that many other participants stay unnamed, so that no one's score follows by subtraction.
 * Everyone sees their own place and contribution.
 *
 * @param finalResults true once the grace period is over: the standing no longer changes
 * @param individuals named members, best first; empty when none may be shown
 */
public record LeaderboardView(UUID challengeId, String title, String status, String metric, boolean finalResults,
		Instant updatedAt, List<TeamRow> teams, List<IndividualRow> individuals, You you) {

	static final int SHOWN_INDIVIDUALS = 10;

	public static LeaderboardView of(Standing standing, UUID viewer, int minGroupSize) {
		boolean finished = standing.status() == ChallengeStatus.FINISHED;
		List<TeamRow> teams = standing.teams()
			.stream()
			.map((team) -> new TeamRow(team.rank(), team.id(), team.name(), team.eligible(), team.average(),
					team.total(), finished && team.rank() == 1 && team.total() > 0, team.eligible() >= minGroupSize))
			.toList();
		return new LeaderboardView(standing.challenge().id(), standing.challenge().title(), standing.status().label(),
				standing.challenge().metric().label(), finished, standing.computedAt(), teams,
				individuals(standing, teams, minGroupSize), you(standing, viewer));
	}

	private static List<IndividualRow> individuals(Standing standing, List<TeamRow> teams, int minGroupSize) {
		if (!standing.challenge().showIndividuals()) {
			return List.of();
		}
		Map<UUID, TeamRow> byId = teams.stream().collect(Collectors.toMap(TeamRow::id, Function.identity()));
		List<MemberStanding> named = standing.members()
			.stream()
			.filter((member) -> member.publicName() != null && member.team() != null)
			.filter((member) -> byId.containsKey(member.team()) && byId.get(member.team()).perMemberFigures())
			.toList();
		if (standing.members().size() - named.size() < minGroupSize) {
			return List.of();
		}
		return named.stream()
			.limit(SHOWN_INDIVIDUALS)
			.map((member) -> new IndividualRow(member.rank(), member.publicName(), member.score()))
			.toList();
	}

	private static You you(Standing standing, UUID viewer) {
		return standing.member(viewer).map((member) -> {
			TeamStanding team = (member.team() != null) ? standing.team(member.team()).orElse(null) : null;
			return new You((team != null) ? team.id() : null, (team != null) ? team.name() : null, member.rank(),
					standing.members().size(), member.score());
		}).orElse(null);
	}

	/** @param perMemberFigures false for a team below the minimum group size: no one on it is listed */
	public record TeamRow(int rank, UUID id, String name, int members, double average, double total, boolean winner,
			boolean perMemberFigures) {
	}

	public record IndividualRow(int rank, String name, double score) {
	}

	/** The viewer's own place: their rank among all participants and their contribution. */
	public record You(UUID teamId, String team, int rank, int of, double contribution) {
	}

}
