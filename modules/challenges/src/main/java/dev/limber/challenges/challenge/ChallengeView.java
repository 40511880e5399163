package dev.limber.challenges.challenge;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge.ChallengeTeam;
import dev.limber.organizations.CurrentMember;

/**
 * A challenge as the API shows it; start and end also as wall-clock times in its time
 * zone.
 */
public record ChallengeView(UUID id, String title, String description, String status, Instant startsAt, Instant endsAt,
		LocalDateTime localStartsAt, LocalDateTime localEndsAt, String timeZone, String metric, List<String> routines,
		List<String> categories, int dailyCap, int graceHours, Instant graceEndsAt, boolean showIndividuals,
		boolean teamChoice, List<ChallengeTeam> teams, boolean editable) {

	public static ChallengeView of(Challenge challenge, CurrentMember viewer, Instant now) {
		return new ChallengeView(challenge.id(), challenge.title(), challenge.description(),
				challenge.status(now).label(), challenge.startsAt(), challenge.endsAt(),
				LocalDateTime.ofInstant(challenge.startsAt(), challenge.zone()),
				LocalDateTime.ofInstant(challenge.endsAt(), challenge.zone()), challenge.zone().getId(),
				challenge.metric().label(), challenge.routines(), challenge.categories(), challenge.dailyCap(),
				challenge.graceHours(), challenge.graceEndsAt(), challenge.showIndividuals(), challenge.teamChoice(),
				challenge.teams(), Challenges.mayOrganize(viewer, challenge));
	}

}
