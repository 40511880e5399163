package dev.limber.challenges.web;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.challenges.challenge.ChallengeRequest;
import dev.limber.challenges.challenge.ChallengeView;

/**
 * The create and edit form; {@code newTeams} is one team name per line.
 */
public record ChallengeForm(String title, String description, LocalDateTime startsAt, LocalDateTime endsAt,
		String metric, Integer dailyCap, Integer graceHours, Boolean showIndividuals, List<UUID> teams, String newTeams,
		List<String> routines, Boolean published) {

	static ChallengeForm blank(LocalDateTime now) {
		LocalDateTime monday = now.toLocalDate().plusDays(1).atTime(8, 0);
		return new ChallengeForm("", "", monday, monday.plusWeeks(2), "sessions", 2, 72, false, List.of(), "",
				List.of(), true);
	}

	static ChallengeForm of(ChallengeView challenge) {
		return new ChallengeForm(challenge.title(), challenge.description(), challenge.localStartsAt(),
				challenge.localEndsAt(), challenge.metric(), challenge.dailyCap(), challenge.graceHours(),
				challenge.showIndividuals(),
				challenge.teams()
					.stream()
					.map(Challenge.ChallengeTeam::orgTeamId)
					.filter(java.util.Objects::nonNull)
					.toList(),
				challenge.teamChoice()
						? String.join("\n", challenge.teams().stream().map(Challenge.ChallengeTeam::name).toList())
						: "",
				challenge.routines(), !"draft".equals(challenge.status()));
	}

	ChallengeRequest toRequest() {
		List<String> named = (this.newTeams != null) ? Arrays.stream(this.newTeams.split("\\R"))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.toList() : List.of();
		Challenge.Metric chosen = "minutes".equals(this.metric) ? Challenge.Metric.MINUTES : Challenge.Metric.SESSIONS;
		return new ChallengeRequest(this.title, this.description, this.startsAt, this.endsAt, chosen, this.routines,
				List.of(), this.dailyCap, this.graceHours, Boolean.TRUE.equals(this.showIndividuals),
				(this.teams != null) ? this.teams : List.of(), named, Boolean.TRUE.equals(this.published));
	}

	public boolean includes(UUID team) {
		return this.teams != null && this.teams.contains(team);
	}

	public boolean counts(String routine) {
		return this.routines != null && this.routines.contains(routine);
	}

}
