package dev.limber.challenges.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.ChallengeStore;
import dev.limber.challenges.challenge.Challenges;
import dev.limber.challenges.participation.ChallengeEvents;
import dev.limber.challenges.scoring.ScoreSheet.Points;
import dev.limber.challenges.scoring.StandingCalculator.Calculation;
import dev.limber.kernel.database.ConnectionPatience;
import dev.limber.kernel.database.Workload;
import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.MinimumGroupSize;

/**
 * Computes a challenge's standing from the points kept per member and day, in one
 * transaction that also saves the teams' new releases (see {@link LeaderboardPrivacy}),
 * and answers reads from the last one computed while it is still true
 * ({@link StandingCache}). A read first makes sure every change notified before it
 * arrived has been heard, and reads the challenge and k as they are now, so it never gets
 * a standing older than its own arrival. Readers of one challenge share that check
 * ({@link SharedComputations}): however many arrive at once (a burst of event-stream
 * subscribers, say), a challenge costs one check, and one computation when needed, at a
 * time, not a database connection per reader. The standing is the same for every member;
 * what each may see of it is {@link LeaderboardView}'s business, applied per viewer
 * after.
 */
@Service
public class Leaderboards implements DisposableBean {

	/**
	 * How long a read waits to hear its own notification back before it computes instead.
	 */
	private static final Duration CAUGHT_UP_WAIT = Duration.ofSeconds(1);

	/**
	 * How long a shared read may take: one stuck on a frozen database would otherwise
	 * hold every later reader of the challenge behind it. It fails (503) and the next one
	 * tries afresh.
	 */
	private static final Duration READ_LIMIT = Duration.ofSeconds(10);

	private final ChallengeStore challenges;

	private final ScoreSheet scoreSheet;

	private final MinimumGroupSize minimumGroupSize;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final SharedComputations<String, Standing> reads = new SharedComputations<>();

	private final DatabaseNotifications notifications;

	private final ChallengeEvents events;

	private final StandingCache cache;

	private Disposable listening;

	Leaderboards(ChallengeStore challenges, ScoreSheet scoreSheet, MinimumGroupSize minimumGroupSize,
			TransactionalOperator transactions, DatabaseNotifications notifications, ChallengeEvents events,
			@Value("${limber.challenges.standing-max-age:10s}") Duration maxAge, Clock clock) {
		this.clock = clock;
		this.challenges = challenges;
		this.scoreSheet = scoreSheet;
		this.minimumGroupSize = minimumGroupSize;
		this.transactions = transactions;
		this.notifications = notifications;
		this.events = events;
		this.cache = new StandingCache(maxAge, 10_000);
	}

	@EventListener(ApplicationReadyEvent.class)
	void listen() {
		this.listening = this.events.changes().subscribe(this.cache::changed);
	}

	@Override
	public void destroy() {
		if (this.listening != null) {
			this.listening.dispose();
		}
	}

	/**
	 * The standing as of now: the kept one if still true, else computed. Readers at once
	 * share the check and the computation; a challenge the tenant does not have is 404.
	 */
	public Mono<Standing> standing(TenantId tenant, UUID challengeId) {
		String key = tenant.value() + ":" + challengeId;
		return this.reads.get(key, () -> read(tenant, challengeId, key));
	}

	/** The standing of a challenge the member may see; any other is 404 for them. */
	public Mono<Standing> standingFor(CurrentMember member, UUID challengeId) {
		return standing(member.tenant(), challengeId)
			.filter((standing) -> Challenges.maySee(member, standing.challenge()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")));
	}

	private Mono<Standing> read(TenantId tenant, UUID challengeId, String key) {
		Mono<Boolean> caughtUp = (this.listening == null) ? Mono.just(false)
				: this.notifications.caughtUp().timeout(CAUGHT_UP_WAIT).thenReturn(true).onErrorReturn(false);
		// One query after the other: they share the transaction's connection.
		Mono<Tuple2<Challenge, Integer>> current = this.challenges.find(challengeId)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")))
			.zipWhen((challenge) -> this.minimumGroupSize.of(tenant))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
		return caughtUp.zipWith(current).flatMap((both) -> {
			Standing kept = both.getT1()
					? this.cache.valid(key, both.getT2().getT1(), both.getT2().getT2(), this.clock.instant()) : null;
			if (kept != null) {
				return Mono.just(kept);
			}
			StandingCache.Stamp stamp = this.cache.stamp(key);
			return compute(tenant, challengeId).doOnNext((standing) -> this.cache.keep(key, stamp, standing));
		})
			.timeout(READ_LIMIT)
			// employees' reads, on their connections (no reader's transaction: shared);
			// a busy pool must not fail every reader at once
			.contextWrite(Workload.REQUEST.asContext())
			.contextWrite(ConnectionPatience.lasting(READ_LIMIT));
	}

	/**
	 * Whether the points kept per member and day equal a recomputation from every entry
	 * of the challenge, member by member and team by team (the bench and the tests check
	 * this).
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
						// as precise as the database keeps it, so a release read back
						// is the same
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
