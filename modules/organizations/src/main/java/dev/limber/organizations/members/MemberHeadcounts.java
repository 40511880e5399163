package dev.limber.organizations.members;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.organizations.Headcounts;

/**
 * Counts active members (kept by a trigger on every member change); deactivated members
 * are never eligible.
 */
@Component
class MemberHeadcounts implements Headcounts {

	private final DatabaseClient database;

	MemberHeadcounts(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Flux<Headcount> activeByDepartmentAndLocation() {
		return this.database.sql("""
				select department, location, members from organizations.member_headcount where members > 0""")
			.map((row, metadata) -> new Headcount(row.get("department", String.class),
					row.get("location", String.class), row.get("members", Long.class)))
			.all();
	}

	@Override
	public Flux<Member> activeMembersJoinedBefore(Instant joinedBefore) {
		return this.database.sql("""
				select id, coalesce(department, '') as department, coalesce(location, '') as location
				from organizations.member where active and created_at < :joinedBefore""")
			.bind("joinedBefore", OffsetDateTime.ofInstant(joinedBefore, ZoneOffset.UTC))
			.map((row, metadata) -> new Member(row.get("id", UUID.class), row.get("department", String.class),
					row.get("location", String.class)))
			.all();
	}

	@Override
	public Mono<Integer> minGroupSize() {
		return this.database.sql("""
				select min_group_size from organizations.organization
				where id = nullif(current_setting('app.tenant_id', true), '')::uuid""")
			.map((row, metadata) -> row.get("min_group_size", Integer.class))
			.one();
	}

}
