package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.Challenge.ChallengeTeam;
import dev.limber.challenges.challenge.Challenge.Metric;
import dev.limber.challenges.scoring.ScoreSheet.Participant;
import dev.limber.challenges.scoring.ScoreSheet.Points;
import dev.limber.challenges.scoring.Standing.MemberStanding;
import dev.limber.challenges.scoring.Standing.TeamStanding;

/**
 * Turns points into a standing. Teams rank by their average per eligible member, so a team
 * of 4 can beat a team of 40; equal averages share a rank, then the total and the name order
 * them. Members rank by their own score, equal scores sharing a rank.
 */
final class StandingCalculator {

	private StandingCalculator() {
	}

	static Standing calculate(Challenge challenge, Instant now, List<Points> points, List<Participant> participants) {
		Map<UUID, Double> totals = new HashMap<>();
		Map<UUID, Set<UUID>> eligible = new HashMap<>();
		Map<UUID, Double> memberScores = new HashMap<>();
		Map<UUID, UUID> memberTeams = new HashMap<>();
		Map<UUID, String> publicNames = new HashMap<>();
		for (Participant participant : participants) {
			memberScores.put(participant.member(), 0.0);
			if (participant.team() != null) {
				eligible.computeIfAbsent(participant.team(), (team) -> new HashSet<>()).add(participant.member());
				memberTeams.put(participant.member(), participant.team());
			}
			if (participant.publicName() != null) {
				publicNames.put(participant.member(), participant.publicName());
			}
		}
		for (Points point : points) {
			double score = unitsOf(challenge.metric(), point.points());
			totals.merge(point.team(), score, Double::sum);
			memberScores.merge(point.member(), score, Double::sum);
			eligible.computeIfAbsent(point.team(), (team) -> new HashSet<>()).add(point.member());
			memberTeams.putIfAbsent(point.member(), point.team());
		}
		return new Standing(challenge, challenge.status(now), now, rankTeams(challenge.teams(), totals, eligible),
				rankMembers(memberScores, memberTeams, publicNames));
	}

	private static List<TeamStanding> rankTeams(List<ChallengeTeam> teams, Map<UUID, Double> totals,
			Map<UUID, Set<UUID>> eligible) {
		List<TeamStanding> unranked = new ArrayList<>();
		for (ChallengeTeam team : teams) {
			int members = eligible.getOrDefault(team.id(), Set.of()).size();
			double total = totals.getOrDefault(team.id(), 0.0);
			double average = (members > 0) ? round(total / members) : 0.0;
			unranked.add(new TeamStanding(team.id(), team.name(), 0, members, round(total), average));
		}
		unranked.sort(Comparator.comparingDouble(TeamStanding::average)
			.reversed()
			.thenComparing(Comparator.comparingDouble(TeamStanding::total).reversed())
			.thenComparing(TeamStanding::name));
		List<TeamStanding> ranked = new ArrayList<>();
		for (int i = 0; i < unranked.size(); i++) {
			TeamStanding team = unranked.get(i);
			boolean tiesPrevious = i > 0 && unranked.get(i - 1).average() == team.average();
			int rank = tiesPrevious ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new TeamStanding(team.id(), team.name(), rank, team.eligible(), team.total(), team.average()));
		}
		return ranked;
	}

	private static List<MemberStanding> rankMembers(Map<UUID, Double> scores, Map<UUID, UUID> teams,
			Map<UUID, String> publicNames) {
		List<Map.Entry<UUID, Double>> ordered = new ArrayList<>(scores.entrySet());
		ordered.sort(Map.Entry.<UUID, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		List<MemberStanding> ranked = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			Map.Entry<UUID, Double> member = ordered.get(i);
			double score = round(member.getValue());
			boolean tiesPrevious = i > 0 && ranked.get(i - 1).score() == score;
			int rank = tiesPrevious ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new MemberStanding(member.getKey(), teams.get(member.getKey()),
					publicNames.get(member.getKey()), score, rank));
		}
		return ranked;
	}

	private static double unitsOf(Metric metric, long points) {
		return (metric == Metric.MINUTES) ? points / 60.0 : points;
	}

	private static double round(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

}
