package dev.limber.challenges.participation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.ChallengeStore;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.TeamDirectory;
import dev.limber.programs.ActivityRecordedListener;
import dev.limber.programs.RecordedActivity;

/**
 * Records each new activity for the team its member belongs to now, in every challenge
 * the member joined whose window it falls in, inside the transaction that logs the
 * activity. Backdated activities are recorded until the grace period ends.
 */
@Component
class EntryRecorder implements ActivityRecordedListener {

	private final ChallengeStore challenges;

	private final ParticipantStore participants;

	private final TeamDirectory teamDirectory;

	private final ChallengeEvents events;

	private final Clock clock;

	EntryRecorder(ChallengeStore challenges, ParticipantStore participants, TeamDirectory teamDirectory,
			ChallengeEvents events, Clock clock) {
		this.clock = clock;
		this.challenges = challenges;
		this.participants = participants;
		this.teamDirectory = teamDirectory;
		this.events = events;
	}

	@Override
	public Mono<Void> activityRecorded(CurrentMember member, RecordedActivity activity) {
		Instant completedAt = activity.completedAt().toInstant();
		return this.challenges.acceptingFor(member.memberId(), this.clock.instant())
			.filter((challenge) -> !completedAt.isBefore(challenge.startsAt())
					&& completedAt.isBefore(challenge.endsAt()))
			.collectList()
			.filter((accepting) -> !accepting.isEmpty())
			.flatMap((accepting) -> this.participants.teamsOf(member.memberId())
				.zipWhen((joined) -> orgTeams(member, accepting))
				.flatMapMany((state) -> Flux.fromIterable(accepting)
					.concatMap((challenge) -> record(member, activity, challenge,
							state.getT1().getOrDefault(challenge.id(), Optional.empty()), state.getT2())))
				.then());
	}

	private Mono<Void> record(CurrentMember member, RecordedActivity activity, Challenge challenge,
			Optional<UUID> joinedTeam, Set<UUID> orgTeams) {
		Optional<UUID> team = TeamAssignment.current(challenge, joinedTeam, orgTeams);
		Mono<Void> move = team.equals(joinedTeam) ? Mono.empty()
				: this.participants.moveTo(challenge.id(), member.memberId(), team.orElse(null));
		return move
			.then(team
				.map((current) -> this.participants.record(member.tenant(), challenge.id(), current, List.of(activity))
					.then(this.events.standingChanged(member.tenant(), challenge.id())))
				.orElse(Mono.empty()));
	}

	private Mono<Set<UUID>> orgTeams(CurrentMember member, List<Challenge> accepting) {
		boolean needed = accepting.stream().anyMatch((challenge) -> !challenge.teamChoice());
		return needed ? this.teamDirectory.teamsOf(member.memberId()).collect(Collectors.toSet()) : Mono.just(Set.of());
	}

}
