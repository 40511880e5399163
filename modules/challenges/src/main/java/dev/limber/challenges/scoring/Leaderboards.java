package dev.limber.challenges.scoring;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.challenge.ChallengeStore;
import dev.limber.challenges.scoring.ScoreSheet.Points;
import dev.limber.challenges.scoring.StandingCalculator.Calculation;
import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.MinimumGroupSize;

/**
 * Computes a challenge's standing from the points kept per member and day, in one
 * transaction that also saves the teams' new releases (see {@link LeaderboardPrivacy}).
 */
@Service
public class Leaderboards {

	private final ChallengeStore challenges;

	private final ScoreSheet scoreSheet;

	private final MinimumGroupSize minimumGroupSize;

	private final TransactionalOperator transactions;

	private final Clock clock = Clock.systemUTC();

	private final SharedComputations<String, Standing> computations = new SharedComputations<>();

	Leaderboards(ChallengeStore challenges, ScoreSheet scoreSheet, MinimumGroupSize minimumGroupSize,
			TransactionalOperator transactions) {
		this.challenges = challenges;
		this.scoreSheet = scoreSheet;
		this.minimumGroupSize = minimumGroupSize;
		this.transactions = transactions;
	}

	/** Readers of one challenge at the same time share computations (see {@link SharedComputations}). */
	public Mono<Standing> standing(TenantId tenant, UUID challengeId) {
		return this.computations.get(tenant.value() + ":" + challengeId, () -> compute(tenant, challengeId));
	}

	/**
	 * Whether the points kept per member and day equal a recomputation from every entry of the
	 * challenge, member by member and team by team (the bench and the tests check this).
	 */
	public Mono<Boolean> keptPointsMatchEntries(TenantId tenant, UUID challengeId) {
		// One query after the other: they share the transaction's connection.
		return this.scoreSheet.points(challengeId)
			.collectList()
			.zipWhen((kept) -> this.scoreSheet.recomputed(challengeId).collectList())
			.map((both) -> new HashSet<>(withoutZeros(both.getT1())).equals(new HashSet<>(withoutZeros(both.getT2()))))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

	private Mono<Standing> compute(TenantId tenant, UUID challengeId) {
		return this.scoreSheet.lock(challengeId)
			.then(this.challenges.find(challengeId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")))
			// One query after the other: they share the transaction's connection.
			.flatMap((challenge) -> this.minimumGroupSize.of(tenant)
				.zipWhen((k) -> this.scoreSheet.points(challengeId).collectList())
				.zipWhen((read) -> this.scoreSheet.participants(challengeId).collectList())
				.zipWhen((read) -> this.scoreSheet.releases(challengeId))
				.map((read) -> StandingCalculator.calculate(challenge,
						// as precise as the database keeps it, so a release read back is the same
						this.clock.instant().truncatedTo(ChronoUnit.MICROS),
						new LeaderboardPrivacy(read.getT1().getT1().getT1()), read.getT1().getT1().getT2(),
						read.getT1().getT2(), read.getT2())))
			.flatMap((calculation) -> save(tenant, challengeId, calculation))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

	private Mono<Standing> save(TenantId tenant, UUID challengeId, Calculation calculation) {
		return this.scoreSheet.save(tenant, challengeId, calculation.releases()).thenReturn(calculation.standing());
	}

	/** A member whose entries were all capped away appears in one and not the other. */
	private static List<Points> withoutZeros(List<Points> points) {
		return points.stream().filter((point) -> point.points() != 0).toList();
	}

}
