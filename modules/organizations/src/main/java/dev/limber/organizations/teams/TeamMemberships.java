package dev.limber.organizations.teams;

import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.organizations.TeamDirectory;

/** Publishes teams and memberships to other modules, without member details. */
@Component
class TeamMemberships implements TeamDirectory {

	private final TeamStore teams;

	private final DatabaseClient database;

	TeamMemberships(TeamStore teams, DatabaseClient database) {
		this.teams = teams;
		this.database = database;
	}

	@Override
	public Flux<TeamSummary> teams() {
		return this.teams.findAll().map((team) -> new TeamSummary(team.id(), team.name(), team.members()));
	}

	@Override
	public Flux<UUID> teamsOf(UUID member) {
		return this.database.sql("select team_id from organizations.team_membership where member_id = :member")
			.bind("member", member)
			.map((row, metadata) -> row.get("team_id", UUID.class))
			.all();
	}

	@Override
	public Flux<UUID> membersOf(UUID team) {
		return this.database.sql("select member_id from organizations.team_membership where team_id = :team")
			.bind("team", team)
			.map((row, metadata) -> row.get("member_id", UUID.class))
			.all();
	}

}
