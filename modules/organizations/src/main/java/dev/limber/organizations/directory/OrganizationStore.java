package dev.limber.organizations.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.Role;

/** Reads and writes the organization directory. */
@Repository
public class OrganizationStore {

	private static final TypeReference<Map<Role, List<String>>> ROLE_VALUES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, slug, display_name, issuer_uri, audience, client_id, client_secret,
			array(select domain from organizations.email_domain where organization_id = organization.id
			      order by domain) as email_domains,
			claim_department, claim_location, claim_groups, claim_roles, role_mappings, min_group_size, time_zone""";

	private final DatabaseClient database;

	private final ObjectMapper json;

	OrganizationStore(DatabaseClient database, ObjectMapper json) {
		this.database = database;
		this.json = json;
	}

	public Mono<Organization> findById(TenantId id) {
		return select("where id = :value", id.value()).singleOrEmpty();
	}

	public Mono<Organization> findByIssuer(String issuerUri) {
		return select("where issuer_uri = :value", issuerUri).singleOrEmpty();
	}

	public Mono<Organization> findBySlug(String slug) {
		return select("where slug = :value", slug).singleOrEmpty();
	}

	public Mono<Organization> findByEmailDomain(String domain) {
		return select(
				"where id = (select organization_id from organizations.email_domain where domain = lower(:value))",
				domain)
			.singleOrEmpty();
	}

	public Flux<Organization> findAll() {
		return this.database.sql("select " + COLUMNS + " from organizations.organization organization order by slug")
			.map((row, metadata) -> map(row))
			.all();
	}

	public Mono<Organization> insert(Organization organization) {
		return bindAll(
				this.database
					.sql("""
							insert into organizations.organization (id, slug, display_name, issuer_uri, audience, client_id,
							    client_secret, claim_department, claim_location, claim_groups, claim_roles,
							    role_mappings, min_group_size, time_zone)
							values (:id, :slug, :displayName, :issuerUri, :audience, :clientId, :clientSecret,
							    :claimDepartment, :claimLocation, :claimGroups, :claimRoles, :roleMappings, :minGroupSize, :timeZone)
							"""),
				organization)
			.then()
			.thenReturn(organization);
	}

	public Mono<Organization> update(Organization organization) {
		return bindAll(this.database.sql("""
				update organizations.organization set slug = :slug, display_name = :displayName,
				    issuer_uri = :issuerUri, audience = :audience, client_id = :clientId,
				    client_secret = :clientSecret,
				    claim_department = :claimDepartment, claim_location = :claimLocation,
				    claim_groups = :claimGroups, claim_roles = :claimRoles, role_mappings = :roleMappings,
				    min_group_size = :minGroupSize, time_zone = :timeZone, updated_at = now()
				where id = :id
				"""), organization).fetch().rowsUpdated().thenReturn(organization);
	}

	/**
	 * Sets the SCIM token hash (null revokes); true if the organization had a token
	 * before.
	 */
	public Mono<Boolean> replaceScimTokenHash(TenantId id, String hash) {
		return this.database.sql("""
				with previous as (select scim_token_hash from organizations.organization where id = :id)
				update organizations.organization set scim_token_hash = :hash where id = :id
				returning (select scim_token_hash is not null from previous) as had_token""")
			.bind("hash", Parameter.fromOrEmpty(hash, String.class))
			.bind("id", id.value())
			.map((row, metadata) -> Boolean.TRUE.equals(row.get("had_token", Boolean.class)))
			.one();
	}

	public Mono<TenantId> findTenantByScimTokenHash(String hash) {
		return this.database.sql("select id from organizations.organization where scim_token_hash = :hash")
			.bind("hash", hash)
			.map((row, metadata) -> new TenantId(row.get("id", UUID.class)))
			.one();
	}

	private Flux<Organization> select(String where, Object value) {
		return this.database.sql("select " + COLUMNS + " from organizations.organization organization " + where)
			.bind("value", value)
			.map((row, metadata) -> map(row))
			.all();
	}

	private GenericExecuteSpec bindAll(GenericExecuteSpec spec, Organization organization) {
		ClaimMapping claims = organization.claims();
		return spec.bind("id", organization.id().value())
			.bind("slug", organization.slug())
			.bind("displayName", organization.displayName())
			.bind("issuerUri", organization.issuerUri())
			.bind("audience", organization.audience())
			.bind("clientId", organization.clientId())
			.bind("clientSecret", Parameter.fromOrEmpty(organization.clientSecret(), String.class))
			.bind("claimDepartment", claims.department())
			.bind("claimLocation", claims.location())
			.bind("claimGroups", claims.groups())
			.bind("claimRoles", claims.roles())
			.bind("roleMappings", Json.of(this.json.writeValueAsString(claims.roleValues())))
			.bind("minGroupSize", organization.minGroupSize())
			.bind("timeZone", organization.timeZone());
	}

	private Organization map(io.r2dbc.spi.Row row) {
		String secret = row.get("client_secret", String.class);
		ClaimMapping claims = new ClaimMapping(row.get("claim_department", String.class),
				row.get("claim_location", String.class), row.get("claim_groups", String.class),
				row.get("claim_roles", String.class),
				this.json.readValue(row.get("role_mappings", Json.class).asString(), ROLE_VALUES));
		return new Organization(new TenantId(row.get("id", UUID.class)), row.get("slug", String.class),
				row.get("display_name", String.class), row.get("issuer_uri", String.class),
				row.get("audience", String.class), row.get("client_id", String.class), secret,
				Arrays.asList(row.get("email_domains", String[].class)), claims,
				row.get("min_group_size", Integer.class), row.get("time_zone", String.class));
	}

}
