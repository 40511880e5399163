package dev.limber.challenges.scoring;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.challenges.scoring.LeaderboardPrivacy.Release;
import dev.limber.kernel.tenant.TenantId;

/**
 * Reads what scoring needs: each member's points per team from the points kept per day
 * (challenges.points_kept), or recomputed from every entry
 * (challenges.points_from_entries, the definition, kept as the check), and the teams'
 * last releases. Only entries inside the window and logged before the grace period ended
 * count, and per member and local day (in the challenge's time zone) only up to the daily
 * cap, filled in the order the activities were done.
 */
@Repository
class ScoreSheet {

	private final DatabaseClient database;

	ScoreSheet(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Serializes standings of one challenge across instances until the transaction ends,
	 * so two instances never release from the same last release.
	 */
	Mono<Void> lock(UUID challenge) {
		return this.database
			.sql("select pg_advisory_xact_lock(hashtextextended('challenges.standing:' || :challenge, 0))")
			.bind("challenge", challenge.toString())
			.then();
	}

	Flux<Points> points(UUID challenge) {
		return points("challenges.points_kept", challenge);
	}

	Flux<Points> recomputed(UUID challenge) {
		return points("challenges.points_from_entries", challenge);
	}

	private Flux<Points> points(String function, UUID challenge) {
		return this.database.sql("select member_id, team_id, points from " + function + "(:challenge)")
			.bind("challenge", challenge)
			.map((row, metadata) -> new Points(row.get("member_id", UUID.class), row.get("team_id", UUID.class),
					row.get("points", Long.class)))
			.all();
	}

	Flux<Participant> participants(UUID challenge) {
		return this.database
			.sql("select member_id, team_id, public_name from challenges.participant where challenge_id = :challenge")
			.bind("challenge", challenge)
			.map((row, metadata) -> new Participant(row.get("member_id", UUID.class), row.get("team_id", UUID.class),
					row.get("public_name", String.class)))
			.all();
	}

	/** Each team's last release with the points of each member in it. */
	Mono<Map<UUID, Release>> releases(UUID challenge) {
		return this.database.sql("""
				select r.team_id, r.total, r.carried, r.members, r.released_at, p.member_id, p.points
				from challenges.team_release r
				left join challenges.released_points p
				    on p.tenant_id = r.tenant_id and p.challenge_id = r.challenge_id and p.team_id = r.team_id
				where r.challenge_id = :challenge""")
			.bind("challenge", challenge)
			.map((row, metadata) -> new ReleaseRow(row.get("team_id", UUID.class), row.get("total", Long.class),
					row.get("carried", Long.class), row.get("members", Integer.class),
					row.get("released_at", OffsetDateTime.class), row.get("member_id", UUID.class),
					row.get("points", Long.class)))
			.all()
			.collectList()
			.map(ScoreSheet::releasesOf);
	}

	/**
	 * Replaces each team's last release with {@code releases}, in one statement per
	 * table.
	 */
	Mono<Void> save(TenantId tenant, UUID challenge, List<Release> releases) {
		if (releases.isEmpty()) {
			return Mono.empty();
		}
		UUID[] teams = releases.stream().map(Release::team).toArray(UUID[]::new);
		List<Map.Entry<UUID, Map.Entry<UUID, Long>>> points = releases.stream()
			.flatMap((release) -> release.points().entrySet().stream().map((point) -> Map.entry(release.team(), point)))
			.toList();
		return this.database
			.sql("""
					insert into challenges.team_release (tenant_id, challenge_id, team_id, total, carried, members, released_at)
					select :tenant, :challenge, t.team, t.total, t.carried, t.members, :at
					from unnest(:teams::uuid[], :totals::bigint[], :carried::bigint[], :members::int[])
					    as t(team, total, carried, members)
					on conflict (tenant_id, challenge_id, team_id) do update
					    set total = excluded.total, carried = excluded.carried, members = excluded.members,
					        released_at = excluded.released_at""")
			.bind("tenant", tenant.value())
			.bind("challenge", challenge)
			.bind("at", releases.get(0).releasedAt().atOffset(ZoneOffset.UTC))
			.bind("teams", teams)
			.bind("totals", releases.stream().map(Release::total).toArray(Long[]::new))
			.bind("carried", releases.stream().map(Release::carried).toArray(Long[]::new))
			.bind("members", releases.stream().map(Release::members).toArray(Integer[]::new))
			.then()
			.then(this.database
				.sql("delete from challenges.released_points where challenge_id = :challenge and team_id = any(:teams)")
				.bind("challenge", challenge)
				.bind("teams", teams)
				.then())
			.then(this.database.sql("""
					insert into challenges.released_points (tenant_id, challenge_id, team_id, member_id, points)
					select :tenant, :challenge, p.team, p.member, p.points
					from unnest(:teams::uuid[], :members::uuid[], :points::bigint[]) as p(team, member, points)""")
				.bind("tenant", tenant.value())
				.bind("challenge", challenge)
				.bind("teams", points.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
				.bind("members", points.stream().map((point) -> point.getValue().getKey()).toArray(UUID[]::new))
				.bind("points", points.stream().map((point) -> point.getValue().getValue()).toArray(Long[]::new))
				.then());
	}

	private static Map<UUID, Release> releasesOf(List<ReleaseRow> rows) {
		Map<UUID, Release> releases = new HashMap<>();
		Map<UUID, Map<UUID, Long>> points = new HashMap<>();
		for (ReleaseRow row : rows) {
			Map<UUID, Long> members = points.computeIfAbsent(row.team(), (team) -> new HashMap<>());
			if (row.member() != null) {
				members.put(row.member(), row.points());
			}
			releases.putIfAbsent(row.team(), new Release(row.team(), row.total(), row.carried(), row.members(),
					row.releasedAt().toInstant(), members));
		}
		return releases;
	}

	private record ReleaseRow(UUID team, long total, long carried, int members, OffsetDateTime releasedAt, UUID member,
			Long points) {
	}

	/** Sessions, or seconds for a challenge of minutes. */
	record Points(UUID member, UUID team, long points) {
	}

	record Participant(UUID member, UUID team, String publicName) {
	}

}
