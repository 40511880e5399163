package dev.limber.organizations.members;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.organizations.Headcounts;

/** Counts active members (kept by a trigger on every member change); deactivated members are never eligible. */
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
			.map((row, metadata) -> new Headcount(row.get("department", String.class), row.get("location", String.class),
					row.get("members", Long.class)))
			.all();
	}

}
