package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.Challenge.ChallengeTeam;
import dev.limber.challenges.challenge.Challenge.Metric;
import dev.limber.challenges.scoring.LeaderboardPrivacy.Release;
import dev.limber.challenges.scoring.ScoreSheet.Participant;
import dev.limber.challenges.scoring.ScoreSheet.Points;
import dev.limber.challenges.scoring.Standing.Figures;
import dev.limber.challenges.scoring.Standing.MemberScore;
import dev.limber.challenges.scoring.Standing.NamedMember;
import dev.limber.challenges.scoring.Standing.TeamStanding;

/**
 * Turns points into a standing under {@link LeaderboardPrivacy}. Teams rank by their
 * released average per member, so a team of 5 can beat a team of 40; equal averages share
 * a rank, then the total and the name order them. Teams without figures come last,
 * unranked.
 */
final class StandingCalculator {

	private StandingCalculator() {
	}

	/** The standing, and the releases it made (to be saved with it). */
	record Calculation(Standing standing, List<Release> releases) {
	}

	static Calculation calculate(Challenge challenge, Instant now, LeaderboardPrivacy privacy, List<Points> points,
			List<Participant> participants, Map<UUID, Release> released) {
		Map<UUID, Set<UUID>> eligible = new HashMap<>();
		Map<UUID, Map<UUID, Long>> contributions = new HashMap<>();
		Map<UUID, Long> memberPoints = new HashMap<>();
		Map<UUID, UUID> memberTeams = new HashMap<>();
		Map<UUID, String> publicNames = new HashMap<>();
		for (Participant participant : participants) {
			memberPoints.put(participant.member(), 0L);
			if (participant.team() != null) {
				eligible.computeIfAbsent(participant.team(), (team) -> new HashSet<>()).add(participant.member());
				memberTeams.put(participant.member(), participant.team());
			}
			if (participant.publicName() != null) {
				publicNames.put(participant.member(), participant.publicName());
			}
		}
		for (Points point : points) {
			memberPoints.merge(point.member(), point.points(), Long::sum);
			eligible.computeIfAbsent(point.team(), (team) -> new HashSet<>()).add(point.member());
			memberTeams.putIfAbsent(point.member(), point.team());
			if (point.points() > 0) {
				contributions.computeIfAbsent(point.team(), (team) -> new HashMap<>())
					.put(point.member(), point.points());
			}
		}
		Set<UUID> scoring = new HashSet<>();
		contributions.values().forEach((team) -> scoring.addAll(team.keySet()));
		List<Release> releases = new ArrayList<>();
		Map<UUID, Release> shown = new HashMap<>();
		for (ChallengeTeam team : challenge.teams()) {
			Map<UUID, Long> live = contributions.getOrDefault(team.id(), Map.of());
			Release last = released.get(team.id());
			Optional<Release> next = privacy.nextRelease(team.id(), live,
					eligible.getOrDefault(team.id(), Set.of()).size(), last, scoring, now);
			next.ifPresent(releases::add);
			Release current = next.orElse(last);
			if (current != null && privacy.showsFigures(live)) {
				shown.put(team.id(), current);
			}
		}
		Standing standing = new Standing(challenge, challenge.status(now), now, privacy.minGroupSize(),
				rankTeams(challenge, shown), named(challenge, privacy, shown, memberPoints, memberTeams, publicNames),
				scores(challenge.metric(), memberPoints, memberTeams));
		return new Calculation(standing, releases);
	}

	private static List<TeamStanding> rankTeams(Challenge challenge, Map<UUID, Release> shown) {
		List<TeamStanding> withFigures = new ArrayList<>();
		List<TeamStanding> without = new ArrayList<>();
		for (ChallengeTeam team : challenge.teams()) {
			Release release = shown.get(team.id());
			if (release == null) {
				without.add(new TeamStanding(team.id(), team.name(), null, null));
				continue;
			}
			double total = unitsOf(challenge.metric(), release.total());
			double average = (release.members() > 0) ? round(total / release.members()) : 0.0;
			withFigures.add(new TeamStanding(team.id(), team.name(), 0,
					new Figures(release.members(), round(total), average, release.releasedAt())));
		}
		withFigures.sort(Comparator.comparingDouble((TeamStanding team) -> team.figures().average())
			.reversed()
			.thenComparing(Comparator.comparingDouble((TeamStanding team) -> team.figures().total()).reversed())
			.thenComparing(TeamStanding::name));
		List<TeamStanding> ranked = new ArrayList<>();
		for (int i = 0; i < withFigures.size(); i++) {
			TeamStanding team = withFigures.get(i);
			boolean tiesPrevious = i > 0 && withFigures.get(i - 1).figures().average() == team.figures().average();
			int rank = tiesPrevious ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new TeamStanding(team.id(), team.name(), rank, team.figures()));
		}
		without.sort(Comparator.comparing(TeamStanding::name));
		ranked.addAll(without);
		return ranked;
	}

	private static List<NamedMember> named(Challenge challenge, LeaderboardPrivacy privacy, Map<UUID, Release> shown,
			Map<UUID, Long> memberPoints, Map<UUID, UUID> memberTeams, Map<UUID, String> publicNames) {
		if (!challenge.showIndividuals()) {
			return List.of();
		}
		int unnamed = memberPoints.size() - publicNames.size();
		List<Map.Entry<UUID, Long>> candidates = memberPoints.entrySet()
			.stream()
			.filter((member) -> publicNames.containsKey(member.getKey()))
			.filter((member) -> {
				Release team = shown.get(memberTeams.get(member.getKey()));
				return team != null && privacy.mayName(team, publicNames.keySet(), unnamed);
			})
			.sorted(Map.Entry.<UUID, Long>comparingByValue()
				.reversed()
				.thenComparing((member) -> publicNames.get(member.getKey())))
			.limit(LeaderboardPrivacy.SHOWN_INDIVIDUALS)
			.toList();
		List<NamedMember> named = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			double score = round(unitsOf(challenge.metric(), candidates.get(i).getValue()));
			boolean tiesPrevious = i > 0 && named.get(i - 1).score() == score;
			named.add(new NamedMember(tiesPrevious ? named.get(i - 1).rank() : i + 1,
					publicNames.get(candidates.get(i).getKey()), score));
		}
		return named;
	}

	private static Map<UUID, MemberScore> scores(Metric metric, Map<UUID, Long> memberPoints,
			Map<UUID, UUID> memberTeams) {
		Map<UUID, MemberScore> scores = new HashMap<>();
		memberPoints.forEach((member, points) -> scores.put(member,
				new MemberScore(memberTeams.get(member), round(unitsOf(metric, points)))));
		return scores;
	}

	private static double unitsOf(Metric metric, long points) {
		return (metric == Metric.MINUTES) ? points / 60.0 : points;
	}

	private static double round(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

}
