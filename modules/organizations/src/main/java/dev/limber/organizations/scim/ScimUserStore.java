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

/**
 * Members as SCIM sees them, in the current tenant (row-level security does the scoping).
 */
@Repository
class ScimUserStore {

	/**
	 * A member who signed in before SCIM provisioned them shows their email as userName.
	 */
	private static final String COLUMNS = "id, coalesce(user_name, email) as user_name, external_id, display_name, "
			+ "email, department, location, active, created_at, updated_at";

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

	/**
	 * Provisioned members sign in later at the organization's issuer; the subject comes
	 * then.
	 */
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

	/**
	 * A member who signed in before SCIM knew them and is the person {@code user}
	 * describes: same subject or directory object id ({@code externalId}), else same
	 * email. SCIM then takes over that member instead of creating a second one.
	 */
	Mono<UUID> findSignedInMember(ScimUser user, String issuer) {
		return this.database
			.sql("""
					select id from organizations.member
					where issuer = :issuer and subject is not null and user_name is null
					  and ((:externalId::text is not null and (subject = :externalId::text or external_id = :externalId::text))
					       or lower(email) = any(:emails::text[]))
					order by (subject = :externalId::text or external_id = :externalId::text) is true desc, created_at, id
					limit 1""")
			.bind("issuer", issuer)
			.bind("externalId", Parameter.fromOrEmpty(user.externalId(), String.class))
			.bind("emails",
					java.util.stream.Stream.of(user.email(), user.userName())
						.filter(java.util.Objects::nonNull)
						.filter((value) -> value.contains("@"))
						.map((value) -> value.toLowerCase(java.util.Locale.ROOT))
						.toArray(String[]::new))
			.map((row, metadata) -> row.get("id", UUID.class))
			.first();
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
		return this.database.sql("delete from organizations.member where id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	private static java.util.Map<String, Object> attributes(ScimUser user) {
		return java.util.Map.of("userName", Parameter.fromOrEmpty(user.userName(), String.class), "externalId",
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
