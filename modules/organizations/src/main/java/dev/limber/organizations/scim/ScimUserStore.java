package dev.limber.organizations.scim;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantContext;

/** Members as SCIM sees them, in the current tenant (row-level security does the scoping). */
@Repository
class ScimUserStore {

	private static final String COLUMNS = "id, user_name, external_id, display_name, email, department, location, "
			+ "active, created_at, updated_at";

	private final DatabaseClient database;

	ScimUserStore(DatabaseClient database) {
		this.database = database;
	}

	Flux<ScimUser> findAll() {
		return this.database.sql("select " + COLUMNS + " from organizations.member order by created_at, id")
			.map(ScimUserStore::map)
			.all();
	}

	Mono<ScimUser> findById(UUID id) {
		return this.database.sql("select " + COLUMNS + " from organizations.member where id = :id")
			.bind("id", id)
			.map(ScimUserStore::map)
			.one();
	}

	/** Provisioned members sign in later at the organization's issuer; the subject comes then. */
	Mono<ScimUser> insert(ScimUser user, String issuer) {
		return TenantContext.require()
			.flatMap((tenant) -> this.database.sql("""
					insert into organizations.member (tenant_id, id, issuer, user_name, external_id, display_name,
					    email, department, location, active)
					values (:tenant, gen_random_uuid(), :issuer, :userName, :externalId, :displayName, :email,
					    :department, :location, :active)
					returning""" + " " + COLUMNS)
				.bind("tenant", tenant.value())
				.bind("issuer", issuer)
				.bindValues(attributes(user))
				.map(ScimUserStore::map)
				.one());
	}

	Mono<ScimUser> update(UUID id, ScimUser user) {
		return this.database.sql("""
				update organizations.member set user_name = :userName, external_id = :externalId,
				    display_name = :displayName, email = :email, department = :department, location = :location,
				    active = :active, updated_at = now()
				where id = :id returning""" + " " + COLUMNS)
			.bind("id", id)
			.bindValues(attributes(user))
			.map(ScimUserStore::map)
			.one();
	}

	Mono<Long> delete(UUID id) {
		return this.database.sql("delete from organizations.member where id = :id").bind("id", id).fetch().rowsUpdated();
	}

	private static java.util.Map<String, Object> attributes(ScimUser user) {
		return java.util.Map.of("userName", user.userName(), "externalId",
				Parameter.fromOrEmpty(user.externalId(), String.class), "displayName",
				Parameter.fromOrEmpty(user.displayName(), String.class), "email",
				Parameter.fromOrEmpty(user.email(), String.class), "department",
				Parameter.fromOrEmpty(user.department(), String.class), "location",
				Parameter.fromOrEmpty(user.location(), String.class), "active", user.active());
	}

	private static ScimUser map(Readable row) {
		return new ScimUser(row.get("id", UUID.class), row.get("user_name", String.class),
				row.get("external_id", String.class), row.get("display_name", String.class),
				row.get("email", String.class), row.get("department", String.class), row.get("location", String.class),
				Boolean.TRUE.equals(row.get("active", Boolean.class)), row.get("created_at", OffsetDateTime.class),
				row.get("updated_at", OffsetDateTime.class));
	}

}
