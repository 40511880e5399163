package dev.limber.challenges.scoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.challenges.ChallengeBulletins;
import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantId;

/**
 * {@link ChallengeBulletins} from the leaderboard itself, so a bulletin can show only
 * what it shows.
 */
@Component
class Bulletins implements ChallengeBulletins {

	/** Not a member: the view then holds no one's own contribution. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final DatabaseClient database;

	private final Leaderboards leaderboards;

	Bulletins(DatabaseClient database, Leaderboards leaderboards) {
		this.database = database;
		this.leaderboards = leaderboards;
	}

	@Override
	public Flux<Summary> published(Instant since) {
		return this.database.sql("""
				select id, title, starts_at, ends_at, ends_at + grace_hours * interval '1 hour' as grace_ends_at,
				    time_zone, metric
				from challenges.challenge
				where published and ends_at + grace_hours * interval '1 hour' > :since
				order by starts_at""")
			.bind("since", since.atOffset(ZoneOffset.UTC))
			.map((row, metadata) -> new Summary(row.get("id", UUID.class), row.get("title", String.class),
					row.get("starts_at", OffsetDateTime.class).toInstant(),
					row.get("ends_at", OffsetDateTime.class).toInstant(),
					row.get("grace_ends_at", OffsetDateTime.class).toInstant(),
					ZoneId.of(row.get("time_zone", String.class)), row.get("metric", String.class)))
			.all();
	}

	@Override
	public Flux<UUID> participants(UUID challenge) {
		return this.database
			.sql("select member_id from challenges.participant where challenge_id = :challenge order by member_id")
			.bind("challenge", challenge)
			.map((row, metadata) -> row.get("member_id", UUID.class))
			.all();
	}

	@Override
	public Mono<PublicStanding> standing(TenantId tenant, UUID challenge) {
		return this.leaderboards.standing(tenant, challenge)
			.map((standing) -> LeaderboardView.of(standing, NOBODY))
			.map((view) -> new PublicStanding(view.challengeId(), view.title(), view.status(), view.metric(),
					view.finalResults(), view.minGroupSize(),
					view.teams()
						.stream()
						.map((team) -> new Team(team.rank(), team.name(), team.members(), team.average(),
								team.winner()))
						.toList(),
					view.individuals()
						.stream()
						.map((named) -> new Named(named.rank(), named.name(), named.score()))
						.toList()))
			.onErrorResume(ApiException.class, (ex) -> Mono.empty());
	}

}
