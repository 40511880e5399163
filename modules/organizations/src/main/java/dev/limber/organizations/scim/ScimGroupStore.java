package dev.limber.organizations.scim;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantContext;

/** Teams provisioned as SCIM Groups, with their members, in the current tenant. */
@Repository
class ScimGroupStore {

	private static final String SELECT = """
			select team.id, team.name, team.external_id, team.created_at,
			    coalesce(array_agg(membership.member_id) filter (where membership.member_id is not null), '{}')
			        as members
			from organizations.team team
			left join organizations.team_membership membership
			    on membership.tenant_id = team.tenant_id and membership.team_id = team.id
			""";

	private final DatabaseClient database;

	ScimGroupStore(DatabaseClient database) {
		this.database = database;
	}

	Flux<ScimGroup> findAll() {
		return this.database.sql(SELECT + " group by team.id, team.tenant_id order by team.created_at, team.id")
			.map(ScimGroupStore::map)
			.all();
	}

	Mono<ScimGroup> findById(UUID id) {
		return this.database.sql(SELECT + " where team.id = :id group by team.id, team.tenant_id")
			.bind("id", id)
			.map(ScimGroupStore::map)
			.one();
	}

	Mono<ScimGroup> insert(ScimGroup group) {
		UUID id = UUID.randomUUID();
		return TenantContext.require()
			.flatMap((tenant) -> this.database.sql("""
					insert into organizations.team (tenant_id, id, name, external_id, source)
					values (:tenant, :id, :name, :externalId, 'scim')""")
				.bind("tenant", tenant.value())
				.bind("id", id)
				.bind("name", group.displayName())
				.bind("externalId", Parameter.fromOrEmpty(group.externalId(), String.class))
				.then())
			.then(replaceMembers(id, group.members()))
			.then(findById(id));
	}

	Mono<ScimGroup> update(UUID id, ScimGroup group) {
		return this.database.sql("""
				update organizations.team set name = :name, external_id = :externalId, source = 'scim'
				where id = :id""")
			.bind("id", id)
			.bind("name", group.displayName())
			.bind("externalId", Parameter.fromOrEmpty(group.externalId(), String.class))
			.fetch()
			.rowsUpdated()
			.filter((updated) -> updated > 0)
			.flatMap((updated) -> replaceMembers(id, group.members()).then(findById(id)));
	}

	Mono<Long> delete(UUID id) {
		return this.database.sql("delete from organizations.team where id = :id").bind("id", id).fetch().rowsUpdated();
	}

	/** Members that are not Users of this organization are ignored, never linked. */
	private Mono<Void> replaceMembers(UUID team, List<UUID> members) {
		Mono<Void> clear = this.database.sql("delete from organizations.team_membership where team_id = :team")
			.bind("team", team)
			.then();
		Mono<Void> add = this.database.sql("""
				insert into organizations.team_membership (tenant_id, team_id, member_id)
				select tenant_id, :team, id from organizations.member where id = any(:members)""")
			.bind("team", team)
			.bind("members", members.toArray(UUID[]::new))
			.then();
		return clear.then(add);
	}

	private static ScimGroup map(Readable row) {
		return new ScimGroup(row.get("id", UUID.class), row.get("name", String.class),
				row.get("external_id", String.class), Arrays.asList(row.get("members", UUID[].class)),
				row.get("created_at", OffsetDateTime.class));
	}

}
