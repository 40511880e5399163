package dev.limber.challenges.participation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.RecordedActivity;

/** Who takes part in which challenge with which team, and the entries they earned. */
@Repository
public class ParticipantStore {

	private final DatabaseClient database;

	ParticipantStore(DatabaseClient database) {
		this.database = database;
	}

	/** Joins or updates; true when the member joined just now. */
	public Mono<Boolean> join(TenantId tenant, UUID challenge, UUID member, UUID team, String publicName) {
		return this.database.sql("""
				insert into challenges.participant (tenant_id, challenge_id, member_id, team_id, public_name)
				values (:tenant, :challenge, :member, :team, :publicName)
				on conflict (tenant_id, challenge_id, member_id) do update
				    set team_id = excluded.team_id, public_name = excluded.public_name
				returning (xmax = 0) as inserted""")
			.bind("tenant", tenant.value())
			.bind("challenge", challenge)
			.bind("member", member)
			.bind("team", team)
			.bind("publicName", Parameter.fromOrEmpty(publicName, String.class))
			.map((row, metadata) -> row.get("inserted", Boolean.class))
			.one();
	}

	Mono<Long> leave(UUID challenge, UUID member) {
		return this.database.sql("delete from challenges.entry where challenge_id = :challenge and member_id = :member")
			.bind("challenge", challenge)
			.bind("member", member)
			.then()
			.then(this.database
				.sql("delete from challenges.participant where challenge_id = :challenge and member_id = :member")
				.bind("challenge", challenge)
				.bind("member", member)
				.fetch()
				.rowsUpdated());
	}

	/**
	 * The member's current team in each challenge they joined (empty when they left every
	 * team of it).
	 */
	Mono<Map<UUID, Optional<UUID>>> teamsOf(UUID member) {
		return this.database.sql("select challenge_id, team_id from challenges.participant where member_id = :member")
			.bind("member", member)
			.map((row, metadata) -> Map.entry(row.get("challenge_id", UUID.class),
					Optional.ofNullable(row.get("team_id", UUID.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Mono<Void> moveTo(UUID challenge, UUID member, UUID team) {
		return this.database.sql(
				"update challenges.participant set team_id = :team where challenge_id = :challenge and member_id = :member")
			.bind("team", Parameter.fromOrEmpty(team, UUID.class))
			.bind("challenge", challenge)
			.bind("member", member)
			.then();
	}

	/**
	 * Records activities for {@code team}; an activity already recorded keeps its first
	 * team.
	 */
	public Mono<Long> record(TenantId tenant, UUID challenge, UUID team, List<RecordedActivity> activities) {
		if (activities.isEmpty()) {
			return Mono.just(0L);
		}
		return this.database.sql("""
				insert into challenges.entry (tenant_id, challenge_id, activity_id, member_id, team_id, slug, category,
				    duration_seconds, completed_at, logged_at)
				select :tenant, :challenge, a.id, a.member_id, :team, a.slug, a.category, a.seconds, a.completed_at,
				    a.logged_at
				from unnest(:ids::uuid[], :members::uuid[], :slugs::text[], :categories::text[], :seconds::int[],
				    :completed::timestamptz[], :logged::timestamptz[])
				    as a(id, member_id, slug, category, seconds, completed_at, logged_at)
				on conflict do nothing""")
			.bind("tenant", tenant.value())
			.bind("challenge", challenge)
			.bind("team", team)
			.bind("ids", activities.stream().map(RecordedActivity::id).toArray(UUID[]::new))
			.bind("members", activities.stream().map(RecordedActivity::memberId).toArray(UUID[]::new))
			.bind("slugs", activities.stream().map(RecordedActivity::slug).toArray(String[]::new))
			.bind("categories", activities.stream().map(RecordedActivity::category).toArray(String[]::new))
			.bind("seconds", activities.stream().map(RecordedActivity::durationSeconds).toArray(Integer[]::new))
			.bind("completed", activities.stream().map(RecordedActivity::completedAt).toArray(OffsetDateTime[]::new))
			.bind("logged", activities.stream().map(RecordedActivity::loggedAt).toArray(OffsetDateTime[]::new))
			.fetch()
			.rowsUpdated();
	}

	Flux<Map<String, Object>> export(UUID member) {
		return this.database.sql("""
				select c.title, t.name as team, p.public_name is not null as shown_by_name, p.joined_at,
				    (select count(*) from challenges.entry e
				     where e.challenge_id = p.challenge_id and e.member_id = p.member_id) as entries
				from challenges.participant p
				join challenges.challenge c on c.tenant_id = p.tenant_id and c.id = p.challenge_id
				left join challenges.challenge_team t
				    on t.tenant_id = p.tenant_id and t.challenge_id = p.challenge_id and t.id = p.team_id
				where p.member_id = :member order by p.joined_at""").bind("member", member).fetch().all();
	}

	Mono<Void> erase(UUID member) {
		return this.database.sql("delete from challenges.entry where member_id = :member")
			.bind("member", member)
			.then()
			// The member's points as last released stay in their team's figures (a sum of
			// k or more people) without their name, so that the deletion moves no figure.
			.then(this.database.sql("""
					update challenges.team_release r set carried = r.carried + p.points
					from challenges.released_points p
					where p.member_id = :member and p.tenant_id = r.tenant_id and p.challenge_id = r.challenge_id
					    and p.team_id = r.team_id""").bind("member", member).then())
			.then(this.database.sql("delete from challenges.released_points where member_id = :member")
				.bind("member", member)
				.then())
			.then(this.database.sql("delete from challenges.participant where member_id = :member")
				.bind("member", member)
				.then())
			// Who organized a challenge is not kept once they are gone.
			.then(this.database
				.sql("update challenges.challenge set created_by = gen_random_uuid() where created_by = :member")
				.bind("member", member)
				.then());
	}

}
