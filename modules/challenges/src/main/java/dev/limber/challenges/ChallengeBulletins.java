package dev.limber.challenges;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.limber.kernel.tenant.TenantId;

/**
 * What other modules may tell about challenges (announcements, standings in team chats):
 * never more than every member of the organization sees on the leaderboard.
 */
public interface ChallengeBulletins {

	/**
	 * Published challenges of the current tenant whose grace period ended after
	 * {@code since} (caller's transaction).
	 */
	Flux<Summary> published(Instant since);

	/** Members who joined {@code challenge} (caller's transaction). */
	Flux<UUID> participants(UUID challenge);

	/**
	 * The standing as every member sees it, the leaderboard's privacy rules applied;
	 * empty for an unknown challenge.
	 */
	Mono<PublicStanding> standing(TenantId tenant, UUID challenge);

	record Summary(UUID id, String title, Instant startsAt, Instant endsAt, Instant graceEndsAt, ZoneId zone,
			String metric) {
	}

	/**
	 * @param teams every team; one of fewer than {@code minGroupSize} contributors has no
	 * figures
	 * @param named members who chose to be named and may be (the leaderboard's rules)
	 */
	record PublicStanding(UUID challenge, String title, String status, String metric, boolean finalResults,
			int minGroupSize, List<Team> teams, List<Named> named) {
	}

	/**
	 * @param rank null, with no figures, for a team of fewer than k contributors
	 */
	record Team(Integer rank, String name, Integer members, Double average, boolean winner) {
	}

	record Named(int rank, String name, double score) {
	}

}
