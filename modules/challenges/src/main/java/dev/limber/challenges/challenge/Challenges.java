package dev.limber.challenges.challenge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.challenge.Challenge.ChallengeTeam;
import dev.limber.kernel.input.InputWindow;
import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Role;
import dev.limber.organizations.TeamDirectory;
import dev.limber.organizations.TeamDirectory.TeamSummary;
import dev.limber.programs.ActivityCatalog;

/**
 * Creating, changing and finding challenges, with the organizer rules: organization
 * admins for any teams, team leads only for teams they belong to, employees never. A
 * challenge someone may not see does not exist for them (404).
 */
@Service
public class Challenges {

	private final ChallengeStore store;

	private final TeamDirectory teamDirectory;

	private final ActivityCatalog activityCatalog;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final InputWindow window;

	Challenges(ChallengeStore store, TeamDirectory teamDirectory, ActivityCatalog activityCatalog,
			TransactionalOperator transactions, InputWindow window, Clock clock) {
		this.window = window;
		this.store = store;
		this.teamDirectory = teamDirectory;
		this.activityCatalog = activityCatalog;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Flux<Challenge> visibleTo(CurrentMember member) {
		return this.store.findVisible(member.memberId(), member.hasRole(Role.ORG_ADMIN))
			.as(this.transactions::transactional);
	}

	public Mono<Challenge> find(CurrentMember member, UUID id) {
		return this.store.find(id)
			.filter((challenge) -> maySee(member, challenge))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")))
			.as(this.transactions::transactional);
	}

	/**
	 * A challenge the member may change: one they cannot see is missing (404), one they
	 * only see is 403.
	 */
	public Mono<Challenge> findToOrganize(CurrentMember member, UUID id) {
		return find(member, id).filter((challenge) -> mayOrganize(member, challenge))
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden("Only organizers can change a challenge.")));
	}

	public Mono<Challenge> create(CurrentMember organizer, ChallengeRequest request) {
		requireOrganizer(organizer);
		return resolve(organizer, UUID.randomUUID(), request, List.of())
			.flatMap((challenge) -> this.store.insert(organizer.tenant(), challenge).thenReturn(challenge))
			.as(this.transactions::transactional);
	}

	public Mono<Challenge> update(CurrentMember organizer, UUID id, ChallengeRequest request) {
		requireOrganizer(organizer);
		return this.store.find(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")))
			.flatMap((existing) -> {
				if (!mayOrganize(organizer, existing)) {
					return existing.published() ? Mono.error(ApiException
						.forbidden("Only organization admins and the team lead who made this challenge can change it."))
							: Mono.error(ApiException.notFound("Challenge"));
				}
				return resolve(organizer, id, request, existing.teams()).flatMap((changed) -> {
					boolean rulesEditable = existing.status(now()).rulesEditable();
					if (!rulesEditable && !sameRules(existing, changed)) {
						return Mono.error(ApiException
							.conflict("The challenge has started: only its title and description can change now."));
					}
					boolean replaceTeams = rulesEditable && !sameTeams(existing, changed);
					Challenge saved = replaceTeams ? changed : withTeams(changed, existing.teams());
					return this.store.update(organizer.tenant(), saved, replaceTeams).thenReturn(saved);
				});
			})
			.as(this.transactions::transactional);
	}

	public Mono<Void> delete(CurrentMember organizer, UUID id) {
		requireOrganizer(organizer);
		return this.store.find(id)
			.filter((challenge) -> mayOrganize(organizer, challenge))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")))
			.flatMap((challenge) -> challenge.status(now()).rulesEditable() ? this.store.delete(id).then()
					: Mono.error(ApiException.conflict("A challenge that has started cannot be deleted.")))
			.as(this.transactions::transactional);
	}

	/**
	 * Published challenges, and drafts to those who organize them; any other does not
	 * exist for the member (404).
	 */
	public static boolean maySee(CurrentMember member, Challenge challenge) {
		return challenge.published() || mayOrganize(member, challenge);
	}

	/** Admins organize every challenge; team leads the ones they made. */
	public static boolean mayOrganize(CurrentMember member, Challenge challenge) {
		return member.hasRole(Role.ORG_ADMIN)
				|| (member.hasRole(Role.TEAM_LEAD) && member.memberId().equals(challenge.createdBy()));
	}

	public static boolean mayCreate(CurrentMember member) {
		return member.hasRole(Role.ORG_ADMIN) || member.hasRole(Role.TEAM_LEAD);
	}

	/** Fails (403) for a member who may not organize challenges. */
	public static void requireOrganizer(CurrentMember member) {
		if (!mayCreate(member)) {
			throw ApiException.forbidden("Only organization admins and team leads can organize challenges.");
		}
	}

	private Mono<Challenge> resolve(CurrentMember organizer, UUID id, ChallengeRequest request,
			List<ChallengeTeam> existingTeams) {
		// any form of date (also JSON arrays, which the input guard does not read) must
		// lie in the window
		if (!this.window.contains(request.startsAt().toLocalDate(), this.clock)
				|| !this.window.contains(request.endsAt().toLocalDate(), this.clock)) {
			return Mono.error(ApiException.unprocessable("startsAt and endsAt must lie from "
					+ this.window.earliestDate() + " to " + this.window.latestDate(this.clock) + "."));
		}
		ZoneId zone = organizer.zone();
		Instant startsAt = instant(request.startsAt(), zone);
		Instant endsAt = instant(request.endsAt(), zone);
		if (!endsAt.isAfter(startsAt)) {
			return Mono.error(ApiException.unprocessable("endsAt: must be after startsAt."));
		}
		if (request.teamsOrEmpty().isEmpty() == request.newTeamsOrEmpty().isEmpty()) {
			return Mono.error(ApiException.unprocessable(
					"Give either teams (the organization's teams) or newTeams (teams made for this challenge)."));
		}
		return teams(organizer, request, existingTeams).flatMap((teams) -> this.activityCatalog.routines()
			.zipWhen((routines) -> this.activityCatalog.categories())
			.flatMap((names) -> {
				List<String> unknownRoutines = unknown(request.routinesOrEmpty(), names.getT1());
				List<String> unknownCategories = unknown(request.categoriesOrEmpty(), names.getT2());
				if (!unknownRoutines.isEmpty()) {
					return Mono.error(ApiException.unprocessable("routines: unknown " + unknownRoutines + "."));
				}
				if (!unknownCategories.isEmpty()) {
					return Mono.error(ApiException.unprocessable("categories: unknown " + unknownCategories + "."));
				}
				return Mono.just(new Challenge(id, request.title().strip(),
						(request.description() != null) ? request.description().strip() : "", startsAt, endsAt, zone,
						request.metric(), request.routinesOrEmpty(), request.categoriesOrEmpty(), request.dailyCap(),
						request.graceHoursOrDefault(), request.showsIndividuals(), !request.newTeamsOrEmpty().isEmpty(),
						request.isPublished(), organizer.memberId(), teams));
			}));
	}

	private Mono<List<ChallengeTeam>> teams(CurrentMember organizer, ChallengeRequest request,
			List<ChallengeTeam> existingTeams) {
		Map<String, UUID> existingIds = existingTeams.stream()
			.collect(Collectors.toMap((team) -> key(team.name(), team.orgTeamId()), ChallengeTeam::id));
		if (!request.newTeamsOrEmpty().isEmpty()) {
			if (!organizer.hasRole(Role.ORG_ADMIN)) {
				return Mono.error(ApiException.forbidden("Team leads run challenges for their own teams only."));
			}
			return Mono.just(request.newTeamsOrEmpty()
				.stream()
				.map((name) -> new ChallengeTeam(existingIds.getOrDefault(key(name, null), UUID.randomUUID()), name,
						null))
				.toList());
		}
		Mono<Set<UUID>> allowed = organizer.hasRole(Role.ORG_ADMIN) ? Mono.just(Set.of())
				: this.teamDirectory.teamsOf(organizer.memberId()).collect(Collectors.toSet());
		return this.teamDirectory.teams()
			.collectMap(TeamSummary::id, Function.identity())
			.zipWhen((directory) -> allowed)
			.flatMap((directory) -> {
				List<ChallengeTeam> teams = new ArrayList<>();
				Set<UUID> unknown = new HashSet<>();
				for (UUID teamId : request.teamsOrEmpty()) {
					TeamSummary team = directory.getT1().get(teamId);
					if (team == null) {
						unknown.add(teamId);
						continue;
					}
					if (!organizer.hasRole(Role.ORG_ADMIN) && !directory.getT2().contains(teamId)) {
						return Mono.error(ApiException.forbidden("Team leads can include only teams they belong to."));
					}
					teams.add(new ChallengeTeam(existingIds.getOrDefault(key(team.name(), teamId), UUID.randomUUID()),
							team.name(), teamId));
				}
				if (!unknown.isEmpty()) {
					return Mono
						.error(ApiException.unprocessable("teams: no team " + unknown + " in this organization."));
				}
				return Mono.just(teams);
			});
	}

	private static String key(String name, UUID orgTeam) {
		return (orgTeam != null) ? orgTeam.toString() : "new:" + name;
	}

	private static List<String> unknown(List<String> given, Set<String> known) {
		return given.stream().filter((value) -> !known.contains(value)).toList();
	}

	private static boolean sameRules(Challenge a, Challenge b) {
		return a.startsAt().equals(b.startsAt()) && a.endsAt().equals(b.endsAt()) && a.metric() == b.metric()
				&& a.routines().equals(b.routines()) && a.categories().equals(b.categories())
				&& a.dailyCap() == b.dailyCap() && a.graceHours() == b.graceHours()
				&& a.showIndividuals() == b.showIndividuals() && a.published() == b.published() && sameTeams(a, b);
	}

	private static boolean sameTeams(Challenge a, Challenge b) {
		return a.teams()
			.stream()
			.map(ChallengeTeam::id)
			.collect(Collectors.toSet())
			.equals(b.teams().stream().map(ChallengeTeam::id).collect(Collectors.toSet()));
	}

	private static Challenge withTeams(Challenge c, List<ChallengeTeam> teams) {
		return new Challenge(c.id(), c.title(), c.description(), c.startsAt(), c.endsAt(), c.zone(), c.metric(),
				c.routines(), c.categories(), c.dailyCap(), c.graceHours(), c.showIndividuals(), c.teamChoice(),
				c.published(), c.createdBy(), teams);
	}

	/**
	 * Wall-clock time in the zone; a time skipped by a daylight-saving change moves
	 * forward.
	 */
	private static Instant instant(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).toInstant();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
