package dev.limber.challenges.live;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.challenges.scoring.LeaderboardView;
import dev.limber.challenges.scoring.Leaderboards;
import dev.limber.organizations.CurrentMember;

/**
 * A challenge's leaderboard as JSON, or as a live stream for
 * {@code Accept: text/event-stream}.
 */
@RestController
class LeaderboardController {

	private static final String PATH = "/api/v1/challenges/{id}/leaderboard";

	private final Leaderboards leaderboards;

	private final LeaderboardStream stream;

	LeaderboardController(Leaderboards leaderboards, LeaderboardStream stream) {
		this.leaderboards = leaderboards;
		this.stream = stream;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<LeaderboardView> json(@PathVariable UUID id, CurrentMember member) {
		return this.leaderboards.standingFor(member, id)
			.map((standing) -> LeaderboardView.of(standing, member.memberId()));
	}

	@GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<LeaderboardView>> live(@PathVariable UUID id, CurrentMember member) {
		return this.stream.of(member, id);
	}

}
