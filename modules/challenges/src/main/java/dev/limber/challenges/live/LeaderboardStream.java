package dev.limber.challenges.live;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import dev.limber.challenges.scoring.LeaderboardView;
import dev.limber.challenges.scoring.Leaderboards;
import dev.limber.challenges.scoring.Standing;
import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/**
 * A member's server-sent event stream of a challenge's leaderboard: the standing now,
 * then every change, with a comment every 20 seconds so proxies keep an idle stream open.
 * A member holds at most {@code limber.challenges.streams-per-member} streams on one
 * instance (a few tabs); one more is refused with 429 instead of pinning a connection
 * each.
 */
@Component
public class LeaderboardStream {

	static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

	private final LiveStandings live;

	private final Leaderboards leaderboards;

	private final int perMember;

	private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

	LeaderboardStream(LiveStandings live, Leaderboards leaderboards,
			@Value("${limber.challenges.streams-per-member:4}") int perMember) {
		this.live = live;
		this.leaderboards = leaderboards;
		this.perMember = perMember;
	}

	public Flux<ServerSentEvent<LeaderboardView>> of(CurrentMember member, UUID challengeId) {
		String holder = member.tenant().value() + ":" + member.memberId();
		// The first standing is the one a read now gets (shared with everyone subscribing
		// at once), and the stream only ever moves on to newer ones: one replayed from
		// before a raised minimum group size would still show what the new k hides.
		return this.leaderboards.standingFor(member, challengeId).flatMapMany((first) -> {
			if (!take(holder)) {
				return Flux.error(ApiException.tooManyRequests(
						"You have " + this.perMember + " leaderboards open already; close one to open another."));
			}
			Flux<ServerSentEvent<LeaderboardView>> keepAlive = Flux.interval(KEEP_ALIVE)
				.map((tick) -> ServerSentEvent.<LeaderboardView>builder().comment("keep-alive").build());
			Flux<Standing> standings = Flux.just(first)
				.mergeWith(this.live.watch(member.tenant(), challengeId)
					.filter((later) -> later.computedAt().isAfter(first.computedAt())));
			return standings.map((standing) -> LeaderboardView.of(standing, member.memberId()))
				.map((view) -> ServerSentEvent.builder(view).event("standing").build())
				.mergeWith(keepAlive)
				.doFinally((signal) -> give(holder));
		});
	}

	private boolean take(String holder) {
		boolean[] taken = { false };
		this.open.compute(holder, (key, count) -> {
			int held = (count != null) ? count : 0;
			if (held >= this.perMember) {
				return count;
			}
			taken[0] = true;
			return held + 1;
		});
		return taken[0];
	}

	private void give(String holder) {
		this.open.computeIfPresent(holder, (key, count) -> (count > 1) ? count - 1 : null);
	}

}
