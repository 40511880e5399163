package dev.limber.organizations.departments;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantContext;

/**
 * Departments of the current tenant. No query filters by tenant: row-level security does,
 * and the tenant id of new rows comes from the transaction's own setting.
 */
@Repository
public class DepartmentStore {

	private final DatabaseClient database;

	DepartmentStore(DatabaseClient database) {
		this.database = database;
	}

	public Flux<Department> findAll() {
		return this.database.sql("select id, name, external_id from organizations.department order by name")
			.map(DepartmentStore::map)
			.all();
	}

	Mono<Department> findById(UUID id) {
		return this.database.sql("select id, name, external_id from organizations.department where id = :id")
			.bind("id", id)
			.map(DepartmentStore::map)
			.one();
	}

	public Mono<Department> insert(DepartmentRequest request) {
		return TenantContext.require()
			.flatMap((tenant) -> this.database.sql("""
					insert into organizations.department (tenant_id, id, name, external_id)
					values (:tenant, gen_random_uuid(), :name, :externalId)
					returning id, name, external_id""")
				.bind("tenant", tenant.value())
				.bind("name", request.name())
				.bind("externalId", Parameter.fromOrEmpty(request.externalId(), String.class))
				.map(DepartmentStore::map)
				.one());
	}

	Mono<Department> update(UUID id, DepartmentRequest request) {
		return this.database.sql("""
				update organizations.department set name = :name, external_id = :externalId where id = :id
				returning id, name, external_id""")
			.bind("id", id)
			.bind("name", request.name())
			.bind("externalId", Parameter.fromOrEmpty(request.externalId(), String.class))
			.map(DepartmentStore::map)
			.one();
	}

	public Mono<Long> delete(UUID id) {
		return this.database.sql("delete from organizations.department where id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	private static Department map(Readable row) {
		return new Department(row.get("id", UUID.class), row.get("name", String.class),
				row.get("external_id", String.class));
	}

}
