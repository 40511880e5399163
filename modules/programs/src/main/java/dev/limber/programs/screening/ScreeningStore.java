package dev.limber.programs.screening;

import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/**
 * Keeps only that, and when, a member read the warning signs and confirmed none applies.
 */
@Repository
public class ScreeningStore {

	private final DatabaseClient database;

	ScreeningStore(DatabaseClient database) {
		this.database = database;
	}

	public Mono<OffsetDateTime> acknowledgedAt(UUID member) {
		return this.database
			.sql("select acknowledged_at from programs.screening_acknowledgement where member_id = :member")
			.bind("member", member)
			.map((row, metadata) -> row.get("acknowledged_at", OffsetDateTime.class))
			.one();
	}

	public Mono<Void> acknowledge(TenantId tenant, UUID member) {
		return this.database.sql("""
				insert into programs.screening_acknowledgement (tenant_id, member_id) values (:tenant, :member)
				on conflict (tenant_id, member_id) do update set acknowledged_at = now()""")
			.bind("tenant", tenant.value())
			.bind("member", member)
			.then();
	}

}
