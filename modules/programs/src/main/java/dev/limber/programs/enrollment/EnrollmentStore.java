package dev.limber.programs.enrollment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/** Enrollments and the activity days that make streaks, in the current tenant. */
@Repository
class EnrollmentStore {

	private final DatabaseClient database;

	EnrollmentStore(DatabaseClient database) {
		this.database = database;
	}

	Mono<Enrollment> active(UUID member) {
		return this.database.sql("""
				select id, program_slug, started_on, status from programs.enrollment
				where member_id = :member and status = 'active'""")
			.bind("member", member)
			.map(EnrollmentStore::map)
			.one();
	}

	Mono<Enrollment> insert(TenantId tenant, UUID member, String program, LocalDate startedOn) {
		return this.database.sql("""
				insert into programs.enrollment (tenant_id, id, member_id, program_slug, started_on)
				values (:tenant, gen_random_uuid(), :member, :program, :startedOn)
				returning id, program_slug, started_on, status""")
			.bind("tenant", tenant.value())
			.bind("member", member)
			.bind("program", program)
			.bind("startedOn", startedOn)
			.map(EnrollmentStore::map)
			.one();
	}

	Mono<Long> finish(UUID enrollment, String status) {
		return this.database.sql("update programs.enrollment set status = :status where id = :id and status = 'active'")
			.bind("id", enrollment)
			.bind("status", status)
			.fetch()
			.rowsUpdated();
	}

	/** The days, in {@code zone}, on which the member logged anything, newest first. */
	Mono<List<LocalDate>> activeDays(UUID member, ZoneId zone, OffsetDateTime since) {
		return this.database.sql("""
				select distinct (completed_at at time zone :zone)::date as day from programs.activity
				where member_id = :member and completed_at >= :since order by day desc""")
			.bind("member", member)
			.bind("zone", zone.getId())
			.bind("since", since)
			.map((row, metadata) -> row.get("day", LocalDate.class))
			.all()
			.collectList();
	}

	/** Slugs of the routines the member finished on {@code day} (in {@code zone}). */
	Mono<List<String>> routinesDoneOn(UUID member, ZoneId zone, LocalDate day) {
		return this.database.sql("""
				select distinct slug from programs.activity
				where member_id = :member and kind = 'routine'
				  and (completed_at at time zone :zone)::date = :day""")
			.bind("member", member)
			.bind("zone", zone.getId())
			.bind("day", day)
			.map((row, metadata) -> row.get("slug", String.class))
			.all()
			.collectList();
	}

	private static Enrollment map(Readable row) {
		return new Enrollment(row.get("id", UUID.class), row.get("program_slug", String.class),
				row.get("started_on", LocalDate.class), row.get("status", String.class));
	}

}
