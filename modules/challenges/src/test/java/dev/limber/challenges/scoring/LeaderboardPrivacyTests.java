package dev.limber.challenges.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.limber.challenges.scoring.LeaderboardPrivacy.Release;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release rule over random histories of a team (members log, join late, leave): every
 * figure shown sums at least k contributors, and any two figures ever shown differ in the
 * points of at least k members, so no difference, of consecutive snapshots or any two,
 * isolates one person.
 */
class LeaderboardPrivacyTests {

	static final int K = 5;

	final LeaderboardPrivacy privacy = new LeaderboardPrivacy(K);

	@Test
	void noTwoReleasesDifferByFewerThanKMembers() {
		Random random = new Random(16);
		UUID team = UUID.randomUUID();
		for (int history = 0; history < 200; history++) {
			List<UUID> people = new ArrayList<>();
			for (int i = 0; i < 3 + random.nextInt(12); i++) {
				people.add(UUID.randomUUID());
			}
			Map<UUID, Long> live = new HashMap<>();
			List<Release> shown = new ArrayList<>();
			Release last = null;
			for (int step = 0; step < 60; step++) {
				UUID who = people.get(random.nextInt(people.size()));
				if (random.nextInt(10) == 0 && people.size() > 1) {
					live.remove(who); // leaves for good
					people.remove(who);
				}
				else {
					live.merge(who, 1L + random.nextInt(3), Long::sum);
				}
				Release next = this.privacy
					.nextRelease(team, Map.copyOf(live), people.size(), last, live.keySet(), Instant.now())
					.orElse(null);
				if (next != null) {
					last = next;
				}
				if (last != null && this.privacy.showsFigures(live)) {
					shown.add(last);
				}
			}
			for (Release release : shown) {
				assertThat(release.points().values().stream().filter((points) -> points > 0).count())
					.isGreaterThanOrEqualTo(K);
				// who left is still counted: no figure drops by what one person had
				assertThat(release.total())
					.isEqualTo(release.points().values().stream().mapToLong(Long::longValue).sum());
			}
			for (int i = 0; i < shown.size(); i++) {
				for (int j = i + 1; j < shown.size(); j++) {
					if (shown.get(i) != shown.get(j)) {
						assertThat(changed(shown.get(i).points(), shown.get(j).points())).isGreaterThanOrEqualTo(K);
					}
				}
			}
		}
	}

	@Test
	void aTeamIsNamedOnlyWhenItsReleaseLeavesKUnnamedContributors() {
		Map<UUID, Long> points = new HashMap<>();
		List<UUID> members = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			members.add(UUID.randomUUID());
			points.put(members.get(i), 2L);
		}
		Release release = new Release(UUID.randomUUID(), 18, 0, 9, Instant.now(), points);
		assertThat(this.privacy.mayName(release, Set.copyOf(members.subList(0, 4)), 20)).isTrue();
		assertThat(this.privacy.mayName(release, Set.copyOf(members.subList(0, 5)), 20)).isFalse();
		assertThat(this.privacy.mayName(release, Set.copyOf(members.subList(0, 4)), 4)).isFalse();
	}

	private static long changed(Map<UUID, Long> a, Map<UUID, Long> b) {
		Set<UUID> everyone = new HashSet<>(a.keySet());
		everyone.addAll(b.keySet());
		return everyone.stream()
			.filter((member) -> !a.getOrDefault(member, 0L).equals(b.getOrDefault(member, 0L)))
			.count();
	}

}
