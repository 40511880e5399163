package dev.limber.organizations.teams;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantContext;

/**
 * Teams of the current tenant with their member counts; row-level security scopes every
 * query.
 */
@Repository
public class TeamStore {

	private static final String SELECT = """
			select team.id, team.name, team.source, team.external_id, count(membership.member_id) as members
			from organizations.team team
			left join organizations.team_membership membership
			    on membership.tenant_id = team.tenant_id and membership.team_id = team.id
			""";

	private final DatabaseClient database;

	TeamStore(DatabaseClient database) {
		this.database = database;
	}

	public Flux<Team> findAll() {
		return this.database.sql(SELECT + " group by team.tenant_id, team.id order by team.name")
			.map(TeamStore::map)
			.all();
	}

	Mono<Team> findById(UUID id) {
		return this.database.sql(SELECT + " where team.id = :id group by team.tenant_id, team.id")
			.bind("id", id)
			.map(TeamStore::map)
			.one();
	}

	public Mono<Team> insert(TeamRequest request) {
		UUID id = UUID.randomUUID();
		return TenantContext.require()
			.flatMap((tenant) -> this.database.sql(
					"insert into organizations.team (tenant_id, id, name, source) values (:tenant, :id, :name, 'manual')")
				.bind("tenant", tenant.value())
				.bind("id", id)
				.bind("name", request.name())
				.then())
			.then(findById(id));
	}

	Mono<Team> rename(UUID id, TeamRequest request) {
		return this.database.sql("update organizations.team set name = :name where id = :id")
			.bind("id", id)
			.bind("name", request.name())
			.fetch()
			.rowsUpdated()
			.filter((updated) -> updated > 0)
			.flatMap((updated) -> findById(id));
	}

	public Mono<Long> delete(UUID id) {
		return this.database.sql("delete from organizations.team where id = :id").bind("id", id).fetch().rowsUpdated();
	}

	private static Team map(Readable row) {
		return new Team(row.get("id", UUID.class), row.get("name", String.class), row.get("source", String.class),
				row.get("external_id", String.class), row.get("members", Long.class));
	}

}
