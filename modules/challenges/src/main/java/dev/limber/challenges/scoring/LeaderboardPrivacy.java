package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The leaderboard's privacy rules, in one place for every channel that shows a standing
 * (page, JSON, live stream, and later chat notifications). k is the organization's
 * minimum group size, read from the organization for every standing.
 * <ul>
 * <li>A team shows figures (total, average, members) only while at least k of its members
 * have contributed points; a smaller team shows "fewer than k" and no rank, so neither a
 * figure nor a place among the others (a tie would tell its average exactly) gives away
 * what so few people did.</li>
 * <li>The figures a team shows move only when the points of at least k of its members
 * changed since its last release; a member who leaves takes their name, not their
 * released points, along. Points only grow otherwise, so any two figures ever shown
 * differ by what at least k people did: neither one person's log, late log nor departure
 * can be read from snapshots.</li>
 * <li>Teams rank among themselves by their released figures only.</li>
 * <li>Members who opted in are named only from a team whose released figures include at
 * least k contributors who are not named, and only while at least k participants of the
 * whole challenge stay unnamed: subtracting the named from a total leaves k people or
 * more.</li>
 * <li>A member sees their own contribution, never their place among individuals (a place
 * bounds, and a shared place equals, someone else's score).</li>
 * </ul>
 * What this does not hide: members who pool their own points learn the sum of the others,
 * so a group of k - 1 colluding members and one more person is not protected.
 */
public final class LeaderboardPrivacy {

	/** Named members listed at most. */
	static final int SHOWN_INDIVIDUALS = 10;

	private final int minGroupSize;

	public LeaderboardPrivacy(int minGroupSize) {
		this.minGroupSize = minGroupSize;
	}

	public int minGroupSize() {
		return this.minGroupSize;
	}

	/** Whether a team with these contributors may show figures at all. */
	public boolean showsFigures(Map<UUID, Long> contributions) {
		return contributors(contributions) >= this.minGroupSize;
	}

	/**
	 * The team's new release, when enough has changed since {@code last} (null when
	 * nothing was released yet): at least k contributors now, and at least k members
	 * whose points differ from the last release. A member who left keeps their points as
	 * last released in the team's figures (a departure moves no figure and never cancels
	 * an earlier change; if they rejoin, their points are theirs again); only a member
	 * who now scores for another team takes them along, which counts as a change.
	 * @param scoring every member with points in the challenge now, for any team
	 */
	public Optional<Release> nextRelease(UUID team, Map<UUID, Long> contributions, int members, Release last,
			Set<UUID> scoring, Instant now) {
		if (!showsFigures(contributions)) {
			return Optional.empty();
		}
		Map<UUID, Long> released = (last != null) ? last.points() : Map.of();
		Map<UUID, Long> points = new HashMap<>(contributions);
		long changed = 0;
		for (Map.Entry<UUID, Long> member : contributions.entrySet()) {
			if (member.getValue().longValue() != released.getOrDefault(member.getKey(), 0L)) {
				changed++;
			}
		}
		for (Map.Entry<UUID, Long> member : released.entrySet()) {
			if (!contributions.containsKey(member.getKey())) {
				if (scoring.contains(member.getKey())) {
					changed++;
				}
				else {
					points.put(member.getKey(), member.getValue());
				}
			}
		}
		if (changed < this.minGroupSize) {
			return Optional.empty();
		}
		long carried = (last != null) ? last.carried() : 0L;
		long total = carried + points.values().stream().mapToLong(Long::longValue).sum();
		return Optional.of(new Release(team, total, carried, members, now, Map.copyOf(points)));
	}

	/**
	 * Whether members of a team may be named: its release leaves at least k unnamed
	 * contributors, and the challenge at least k unnamed participants.
	 */
	public boolean mayName(Release shown, Set<UUID> named, int unnamedInChallenge) {
		long unnamedContributors = shown.points()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0 && !named.contains(entry.getKey()))
			.count();
		return unnamedContributors >= this.minGroupSize && unnamedInChallenge >= this.minGroupSize;
	}

	private static long contributors(Map<UUID, Long> contributions) {
		return contributions.values().stream().filter((points) -> points > 0).count();
	}

	/**
	 * What a team showed last: its total points (sessions, or seconds), of which
	 * {@code carried} by members who deleted their data, its members then, and each other
	 * member's points in it (so the next release can tell how many changed).
	 */
	public record Release(UUID team, long total, long carried, int members, Instant releasedAt,
			Map<UUID, Long> points) {
	}

}
