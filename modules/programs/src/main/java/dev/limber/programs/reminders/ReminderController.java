package dev.limber.programs.reminders;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.organizations.CurrentMember;

/** Movement-break settings, today's preview, and the personal calendar feed. */
@RestController
class ReminderController {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Reminders reminders;

	private final PublicBaseUrl publicBaseUrl;

	private final Clock clock;

	ReminderController(Reminders reminders, PublicBaseUrl publicBaseUrl, Clock clock) {
		this.clock = clock;
		this.reminders = reminders;
		this.publicBaseUrl = publicBaseUrl;
	}

	@GetMapping("/api/v1/me/reminders")
	Mono<View> settings(CurrentMember member) {
		return this.reminders.settings(member).map(this::view);
	}

	@PutMapping("/api/v1/me/reminders")
	Mono<View> save(@Valid @RequestBody Request request, CurrentMember member) {
		ZoneId zone;
		try {
			zone = ZoneId.of(request.timeZone());
		}
		catch (java.time.DateTimeException ex) {
			return Mono.error(ApiException.badRequest("timeZone is not a known time zone."));
		}
		ReminderSettings settings = new ReminderSettings(request.workStart(), request.workEnd(),
				Set.copyOf(request.workDays()), request.intervalMinutes(),
				(request.breakMinutes() != null) ? request.breakMinutes() : 5, zone, false);
		return this.reminders.save(member, settings).map(this::view);
	}

	@PostMapping("/api/v1/me/reminders/feed")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, String>> rotateFeed(CurrentMember member) {
		return this.reminders.rotateFeed(member)
			.map((token) -> Map.of("url", this.publicBaseUrl.resolve("/calendar/" + token + ".ics")));
	}

	@DeleteMapping("/api/v1/me/reminders/feed")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revokeFeed(CurrentMember member) {
		return this.reminders.revokeFeed(member);
	}

	/** Public: calendar apps cannot sign in. The secret in the path is the credential. */
	@GetMapping("/calendar/{token}.ics")
	Mono<ResponseEntity<String>> feed(@PathVariable String token) {
		return this.reminders.feed(token)
			.map((calendar) -> ResponseEntity.ok().contentType(CALENDAR).body(calendar))
			.defaultIfEmpty(ResponseEntity.notFound().build());
	}

	private View view(ReminderSettings settings) {
		return View.of(settings, this.clock);
	}

	record Request(@NotNull LocalTime workStart, @NotNull LocalTime workEnd, @NotEmpty Set<DayOfWeek> workDays,
			@NotNull @Min(30) @Max(60) Integer intervalMinutes,
			@Min(ReminderSettings.SHORTEST_BREAK_MINUTES) @Max(15) Integer breakMinutes, @NotNull String timeZone) {
	}

	record View(LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workDays, int intervalMinutes, int breakMinutes,
			String timeZone, boolean feedActive, List<LocalTime> todaysBreaks) {

		static View of(ReminderSettings settings, Clock clock) {
			List<LocalTime> today = BreakSchedule.breaksOn(LocalDate.now(clock.withZone(settings.zone())), settings)
				.stream()
				.map(ZonedDateTime::toLocalTime)
				.toList();
			return new View(settings.workStart(), settings.workEnd(), settings.workDays(), settings.intervalMinutes(),
					settings.breakMinutes(), settings.zone().getId(), settings.feedActive(), today);
		}

	}

}
