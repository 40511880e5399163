package dev.limber.organizations.members;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.organizations.Headcounts;

/** Counts active members; deactivated members are never eligible. */
@Component
class MemberHeadcounts implements Headcounts {

	private final DatabaseClient database;

	MemberHeadcounts(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Flux<Headcount> activeByDepartmentAndLocation() {
		return this.database.sql("""
				select coalesce(department, '') as department, coalesce(location, '') as location, count(*) as members
				from organizations.member where active group by 1, 2""")
			.map((row, metadata) -> new Headcount(row.get("department", String.class), row.get("location", String.class),
					row.get("members", Long.class)))
			.all();
	}

}
