package dev.limber.organizations.directory;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.MinimumGroupSize;

/** Reads k straight from the organization's row, in the caller's transaction. */
@Component
class OrganizationGroupSize implements MinimumGroupSize {

	private final DatabaseClient database;

	OrganizationGroupSize(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Mono<Integer> of(TenantId organization) {
		return this.database.sql("select min_group_size from organizations.organization where id = :id")
			.bind("id", organization.value())
			.map((row, metadata) -> row.get("min_group_size", Integer.class))
			.one();
	}

}
