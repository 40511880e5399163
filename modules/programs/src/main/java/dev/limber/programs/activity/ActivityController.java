package dev.limber.programs.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/** Employees log what they did and read back their own history; nobody else's. */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityController {

	private final ActivityLog log;

	private final Clock clock;

	ActivityController(ActivityLog log, Clock clock) {
		this.clock = clock;
		this.log = log;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ActivityView> log(@Valid @RequestBody ActivityRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, CurrentMember member) {
		return this.log.log(member, request, idempotencyKey);
	}

	/**
	 * {@code from} and {@code to} are dates or date-times (ISO-8601); the last 30 days by
	 * default.
	 */
	@GetMapping
	Flux<ActivityView> own(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			CurrentMember member) {
		OffsetDateTime end = (to != null) ? parse("to", to, true) : OffsetDateTime.now(this.clock).plusMinutes(5);
		OffsetDateTime start = (from != null) ? parse("from", from, false) : end.minusDays(30);
		if (!start.isBefore(end)) {
			return Flux.error(ApiException.badRequest("from must be before to."));
		}
		return this.log.own(member, start, end);
	}

	private static OffsetDateTime parse(String name, String value, boolean endOfDay) {
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay().atOffset(ZoneOffset.UTC);
			}
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(name + " must be an ISO-8601 date or date-time.");
		}
	}

}
