package dev.limber.challenges.live;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import dev.limber.challenges.challenge.Challenges;
import dev.limber.challenges.scoring.LeaderboardView;
import dev.limber.organizations.CurrentMember;

/**
 * A member's server-sent event stream of a challenge's leaderboard: the standing now, then
 * every change, with a comment every 20 seconds so proxies keep an idle stream open.
 */
@Component
public class LeaderboardStream {

	static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

	private final Challenges challenges;

	private final LiveStandings live;

	LeaderboardStream(Challenges challenges, LiveStandings live) {
		this.challenges = challenges;
		this.live = live;
	}

	public Flux<ServerSentEvent<LeaderboardView>> of(CurrentMember member, UUID challengeId) {
		Flux<ServerSentEvent<LeaderboardView>> keepAlive = Flux.interval(KEEP_ALIVE)
			.map((tick) -> ServerSentEvent.<LeaderboardView>builder().comment("keep-alive").build());
		return this.challenges.find(member, challengeId)
			.flatMapMany((challenge) -> this.live.watch(member.tenant(), challengeId)
				.map((standing) -> LeaderboardView.of(standing, member.memberId()))
				.map((view) -> ServerSentEvent.builder(view).event("standing").build())
				.mergeWith(keepAlive));
	}

}
