package dev.limber.challenges.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.ChallengeStore;
import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.TeamDirectory;
import dev.limber.programs.ActivityHistory;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationEvents;

/**
 * Joining and leaving challenges. A member who joins late still scores for what they did
 * since the start: their activities in the window are recorded for the team they join
 * with.
 */
@Service
public class Participation {

	private final ChallengeStore challenges;

	private final ParticipantStore participants;

	private final TeamDirectory teamDirectory;

	private final ActivityHistory activityHistory;

	private final ParticipationEvents participationEvents;

	private final ChallengeEvents challengeEvents;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Participation(ChallengeStore challenges, ParticipantStore participants, TeamDirectory teamDirectory,
			ActivityHistory activityHistory, ParticipationEvents participationEvents, ChallengeEvents challengeEvents,
			TransactionalOperator transactions, Clock clock) {
		this.clock = clock;
		this.challenges = challenges;
		this.participants = participants;
		this.teamDirectory = teamDirectory;
		this.activityHistory = activityHistory;
		this.participationEvents = participationEvents;
		this.challengeEvents = challengeEvents;
		this.transactions = transactions;
	}

	/**
	 * Joins {@code member} (again, to change whether they are shown by name).
	 * @param pickedTeam the challenge team chosen, required when members pick teams
	 */
	public Mono<UUID> join(CurrentMember member, UUID challengeId, UUID pickedTeam, boolean showName) {
		Instant now = this.clock.instant();
		return published(challengeId).flatMap((challenge) -> {
			if (!challenge.status(now).joinable()) {
				return Mono.error(ApiException.conflict("This challenge has ended; it cannot be joined any more."));
			}
			// the backfill below and the member's concurrent writes each see the other's
			return this.activityHistory.holdWrites(member.memberId())
				.then(this.participants.teamsOf(member.memberId()))
				.zipWhen((joined) -> orgTeams(member, challenge))
				.flatMap((state) -> {
					Optional<UUID> joined = state.getT1().getOrDefault(challengeId, Optional.empty());
					UUID team = chooseTeam(challenge, joined, pickedTeam, state.getT2());
					String publicName = showName ? member.displayName() : null;
					return this.participants.join(member.tenant(), challengeId, member.memberId(), team, publicName)
						.flatMap((joinedNow) -> backfill(member, challenge, team)
							.then(joinedNow ? announce(member, challenge, now) : Mono.empty())
							.then(this.challengeEvents.standingChanged(member.tenant(), challengeId)))
						.thenReturn(team);
				});
		}).as(this.transactions::transactional);
	}

	public Mono<Void> leave(CurrentMember member, UUID challengeId) {
		Instant now = this.clock.instant();
		return published(challengeId).flatMap((challenge) -> {
			if (!now.isBefore(challenge.endsAt())) {
				return Mono.error(ApiException.conflict("The challenge has ended; its results stay as they are."));
			}
			return this.activityHistory.holdWrites(member.memberId())
				.then(this.participants.leave(challengeId, member.memberId()))
				.then(this.challengeEvents.standingChanged(member.tenant(), challengeId));
		}).as(this.transactions::transactional);
	}

	private Mono<Challenge> published(UUID challengeId) {
		return this.challenges.find(challengeId)
			.filter(Challenge::published)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Challenge")));
	}

	private Mono<Set<UUID>> orgTeams(CurrentMember member, Challenge challenge) {
		return challenge.teamChoice() ? Mono.just(Set.of())
				: this.teamDirectory.teamsOf(member.memberId()).collect(Collectors.toSet());
	}

	private static UUID chooseTeam(Challenge challenge, Optional<UUID> joined, UUID picked, Set<UUID> orgTeams) {
		if (challenge.teamChoice()) {
			if (joined.isPresent() && picked != null && !joined.get().equals(picked)) {
				throw ApiException.conflict("You already play for another team in this challenge.");
			}
			UUID team = (picked != null) ? picked : joined.orElse(null);
			if (team == null || challenge.teams().stream().noneMatch((candidate) -> candidate.id().equals(team))) {
				throw ApiException.unprocessable("teamId: pick one of this challenge's teams.");
			}
			return team;
		}
		if (picked != null) {
			boolean yours = challenge.teams()
				.stream()
				.anyMatch((team) -> team.id().equals(picked) && orgTeams.contains(team.orgTeamId()));
			if (!yours) {
				throw ApiException.unprocessable("teamId: you can join only with a team you belong to.");
			}
			return picked;
		}
		return TeamAssignment.current(challenge, joined, orgTeams)
			.orElseThrow(() -> ApiException.unprocessable("You are not on any of this challenge's teams."));
	}

	private Mono<Void> backfill(CurrentMember member, Challenge challenge, UUID team) {
		// the whole window: a write may carry a completion time a little ahead of this
		// clock
		return this.activityHistory
			.ofMember(member.memberId(), challenge.startsAt().atOffset(ZoneOffset.UTC),
					challenge.endsAt().atOffset(ZoneOffset.UTC))
			.collectList()
			.flatMap((activities) -> this.participants.record(member.tenant(), challenge.id(), team, activities))
			.then();
	}

	/** Reporting counts joins per department and location, never who joined. */
	private Mono<Void> announce(CurrentMember member, Challenge challenge, Instant now) {
		return this.participationEvents.publish(member.tenant(), now.atOffset(ZoneOffset.UTC),
				new ParticipationEvent.ChallengeJoined(challenge.id(), challenge.title(), member.memberId(),
						member.department(), member.location(), member.zone().getId()));
	}

}
