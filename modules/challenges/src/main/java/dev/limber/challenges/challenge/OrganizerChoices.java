package dev.limber.challenges.challenge;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Role;
import dev.limber.organizations.TeamDirectory;
import dev.limber.organizations.TeamDirectory.TeamSummary;
import dev.limber.programs.ActivityCatalog;

/**
 * What an organizer may pick for a challenge: the teams they may include (all for an
 * admin, their own for a team lead, the same rule {@link Challenges} enforces on saving)
 * and the routines that may count.
 */
@Service
public class OrganizerChoices {

	private final TeamDirectory teamDirectory;

	private final ActivityCatalog activityCatalog;

	private final TransactionalOperator transactions;

	OrganizerChoices(TeamDirectory teamDirectory, ActivityCatalog activityCatalog, TransactionalOperator transactions) {
		this.teamDirectory = teamDirectory;
		this.activityCatalog = activityCatalog;
		this.transactions = transactions;
	}

	public Mono<Choices> of(CurrentMember member) {
		boolean admin = member.hasRole(Role.ORG_ADMIN);
		Mono<Set<UUID>> own = this.teamDirectory.teamsOf(member.memberId()).collect(Collectors.toSet());
		return this.teamDirectory.teams()
			.collectList()
			.zipWhen((teams) -> own)
			.zipWhen((teams) -> this.activityCatalog.routines())
			.as(this.transactions::transactional)
			.map((loaded) -> new Choices(loaded.getT1()
				.getT1()
				.stream()
				.filter((team) -> admin || loaded.getT1().getT2().contains(team.id()))
				.toList(), loaded.getT2(), admin));
	}

	/**
	 * The teams to offer, the routines, and whether new teams may be named (admins only).
	 */
	public record Choices(List<TeamSummary> teams, Set<String> routines, boolean mayNameTeams) {
	}

}
