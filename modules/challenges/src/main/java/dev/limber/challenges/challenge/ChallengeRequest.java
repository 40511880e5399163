package dev.limber.challenges.challenge;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A challenge as an organizer writes it. Start and end are wall-clock times in the
 * organization's time zone.
 *
 * @param teams the organization's teams taking part (members join with their own team)
 * @param newTeams names of teams made for this challenge (members pick one); not with
 * {@code teams}
 * @param graceHours how long after the end late logs still count; 72 when not given
 */
public record ChallengeRequest(@NotBlank @Size(max = 120) String title, @Size(max = 2000) String description,
		@NotNull LocalDateTime startsAt, @NotNull LocalDateTime endsAt, @NotNull Challenge.Metric metric,
		@Size(max = 50) List<@NotBlank String> routines, @Size(max = 20) List<@NotBlank String> categories,
		@NotNull @Min(1) @Max(1440) Integer dailyCap, @Min(0) @Max(336) Integer graceHours, Boolean showIndividuals,
		@Size(max = 100) List<@NotNull UUID> teams, @Size(max = 100) List<@NotBlank @Size(max = 200) String> newTeams,
		Boolean published) {

	static final int DEFAULT_GRACE_HOURS = 72;

	List<String> routinesOrEmpty() {
		return (this.routines != null) ? this.routines.stream().distinct().toList() : List.of();
	}

	List<String> categoriesOrEmpty() {
		return (this.categories != null) ? this.categories.stream().distinct().toList() : List.of();
	}

	List<UUID> teamsOrEmpty() {
		return (this.teams != null) ? this.teams.stream().distinct().toList() : List.of();
	}

	List<String> newTeamsOrEmpty() {
		return (this.newTeams != null) ? this.newTeams.stream().map(String::strip).distinct().toList() : List.of();
	}

	boolean showsIndividuals() {
		return Boolean.TRUE.equals(this.showIndividuals);
	}

	/** Not published is a draft that only organizers see. */
	boolean isPublished() {
		return Boolean.TRUE.equals(this.published);
	}

	int graceHoursOrDefault() {
		return (this.graceHours != null) ? this.graceHours : DEFAULT_GRACE_HOURS;
	}

}
