package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.limber.challenges.challenge.ChallengeStatus;
import dev.limber.challenges.scoring.Standing.NamedMember;
import dev.limber.challenges.scoring.Standing.TeamStanding;

/**
 * What one member may see of a standing: what {@link LeaderboardPrivacy} lets every
 * member see, and the viewer's own contribution.
 *
 * @param finalResults true once the grace period is over: the standing no longer changes
 * @param minGroupSize k: teams with fewer contributors show no figures
 * @param individuals named members, best first; empty when none may be shown
 */
public record LeaderboardView(UUID challengeId, String title, String status, String metric, boolean finalResults,
		Instant updatedAt, int minGroupSize, List<TeamRow> teams, List<NamedMember> individuals, You you) {

	public static LeaderboardView of(Standing standing, UUID viewer) {
		boolean finished = standing.status() == ChallengeStatus.FINISHED;
		List<TeamRow> teams = standing.teams()
			.stream()
			.map((team) -> row(team, finished, standing.minGroupSize()))
			.toList();
		return new LeaderboardView(standing.challenge().id(), standing.challenge().title(), standing.status().label(),
				standing.challenge().metric().label(), finished, standing.computedAt(), standing.minGroupSize(), teams,
				standing.named(), you(standing, viewer));
	}

	private static TeamRow row(TeamStanding team, boolean finished, int minGroupSize) {
		if (team.figures() == null) {
			return new TeamRow(null, team.id(), team.name(), null, null, null, null, false, minGroupSize);
		}
		return new TeamRow(team.rank(), team.id(), team.name(), team.figures().members(), team.figures().average(),
				team.figures().total(), team.figures().releasedAt(),
				finished && team.rank() == 1 && team.figures().total() > 0, null);
	}

	private static You you(Standing standing, UUID viewer) {
		return standing.member(viewer).map((member) -> {
			TeamStanding team = (member.team() != null) ? standing.team(member.team()).orElse(null) : null;
			return new You((team != null) ? team.id() : null, (team != null) ? team.name() : null, member.score());
		}).orElse(null);
	}

	/**
	 * A team; a team of fewer than k contributors has only its name and
	 * {@code fewerThan}.
	 *
	 * @param releasedAt when the figures last moved (they move once at least k members'
	 * points changed)
	 * @param fewerThan k, for a team that shows no figures; absent otherwise
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TeamRow(Integer rank, UUID id, String name, Integer members, Double average, Double total,
			Instant releasedAt, boolean winner, Integer fewerThan) {
	}

	/** The viewer's own contribution and team; never their place among individuals. */
	public record You(UUID teamId, String team, double contribution) {
	}

}
