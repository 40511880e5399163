package dev.limber.programs.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.programs.ActivityHistory;
import dev.limber.programs.RecordedActivity;

/**
 * Publishes recorded activities to other modules (challenges backfill a late joiner's
 * window).
 */
@Component
class MemberActivities implements ActivityHistory {

	private final DatabaseClient database;

	MemberActivities(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Flux<RecordedActivity> ofMember(UUID member, OffsetDateTime from, OffsetDateTime to) {
		return this.database.sql("""
				select id, member_id, kind, slug, category, duration_seconds, completed_at, logged_at
				from programs.activity
				where member_id = :member and completed_at >= :from and completed_at < :to
				order by completed_at""")
			.bind("member", member)
			.bind("from", from)
			.bind("to", to)
			.map((row, metadata) -> new RecordedActivity(row.get("id", UUID.class), row.get("member_id", UUID.class),
					row.get("kind", String.class), row.get("slug", String.class), row.get("category", String.class),
					row.get("duration_seconds", Integer.class), row.get("completed_at", OffsetDateTime.class),
					row.get("logged_at", OffsetDateTime.class)))
			.all();
	}

	@Override
	public Mono<Void> holdWrites(UUID member) {
		return this.database.sql("select pg_advisory_xact_lock(" + ActivityStore.WRITE_LOCK + ")")
			.bind("member", member)
			.then();
	}

}
