package dev.limber.challenges.scoring;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what scoring needs straight from the entries, every time: nothing is kept as a
 * running counter, so computing again always gives the same standing.
 */
@Repository
class ScoreSheet {

	/**
	 * Each member's points per team. Only entries inside the window and logged before the
	 * grace period ended count, and per member and local day (in the challenge's time zone)
	 * only up to the daily cap, filled in the order the activities were done.
	 */
	private static final String POINTS = """
			with counted as (
			    select e.member_id, e.team_id, e.completed_at, e.activity_id,
			        (e.completed_at at time zone c.time_zone)::date as day,
			        case when c.metric = 'sessions' then 1 else e.duration_seconds end as amount,
			        case when c.metric = 'sessions' then c.daily_cap else c.daily_cap * 60 end as cap
			    from challenges.entry e
			    join challenges.challenge c on c.tenant_id = e.tenant_id and c.id = e.challenge_id
			    where e.challenge_id = :challenge
			      and e.completed_at >= c.starts_at and e.completed_at < c.ends_at
			      and e.logged_at < c.ends_at + make_interval(hours => c.grace_hours)
			      and ((cardinality(c.routines) = 0 and cardinality(c.categories) = 0)
			           or e.slug = any(c.routines) or e.category = any(c.categories))),
			running as (
			    select *, sum(amount) over (partition by member_id, day order by completed_at, activity_id) as upto
			    from counted)
			select member_id, team_id, sum(greatest(0, least(amount, cap - (upto - amount))))::bigint as points
			from running group by member_id, team_id""";

	private final DatabaseClient database;

	ScoreSheet(DatabaseClient database) {
		this.database = database;
	}

	Flux<Points> points(UUID challenge) {
		return this.database.sql(POINTS)
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

	/** Sessions, or seconds for a challenge of minutes. */
	record Points(UUID member, UUID team, long points) {
	}

	record Participant(UUID member, UUID team, String publicName) {
	}

}
