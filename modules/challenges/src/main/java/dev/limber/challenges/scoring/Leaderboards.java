package dev.limber.challenges.scoring;

import java.time.Clock;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.challenge.ChallengeStore;
import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

/** Computes a challenge's standing from its entries, in one transaction. */
@Service
public class Leaderboards {

	private final ChallengeStore challenges;

	private final ScoreSheet scoreSheet;

	private final TransactionalOperator transactions;

	private final Clock clock = Clock.systemUTC();

	private final SharedComputations<String, Standing> computations = new SharedComputations<>();

	Leaderboards(ChallengeStore challenges, ScoreSheet scoreSheet, TransactionalOperator transactions) {
		this.challenges = challenges;
		this.scoreSheet = scoreSheet;
		this.transactions = transactions;
	}

	/** Readers of one challenge at the same time share computations (see {@link SharedComputations}). */
	public Mono<Standing> standing(TenantId tenant, UUID challengeId) {
		return this.computations.get(tenant.value() + ":" + challengeId, () -> compute(tenant, challengeId));
	}

	private Mono<Standing> compute(TenantId tenant, UUID challengeId) {
		return this.challenges.find(challengeId)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")))
			// One query after the other: they share the transaction's connection.
			.flatMap((challenge) -> this.scoreSheet.points(challengeId)
				.collectList()
				.zipWhen((points) -> this.scoreSheet.participants(challengeId).collectList())
				.map((sheet) -> StandingCalculator.calculate(challenge, this.clock.instant(), sheet.getT1(),
						sheet.getT2())))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

}
