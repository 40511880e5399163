package dev.limber.programs.screening;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;

/**
 * Safety screening before the first enrollment. A "yes, a sign applies" answer is not
 * stored at all: it only changes the advice returned.
 */
@RestController
@RequestMapping("/api/v1/screening")
class ScreeningController {

	private final Screenings screenings;

	ScreeningController(Screenings screenings) {
		this.screenings = screenings;
	}

	@GetMapping
	Mono<Screening> status(CurrentMember member) {
		return this.screenings.acknowledgedAt(member)
			.map((at) -> new Screening(true, at, WarningSigns.ALL, null, List.of()))
			.defaultIfEmpty(new Screening(false, null, WarningSigns.ALL, null, List.of()));
	}

	@PostMapping
	Mono<Screening> answer(@Valid @RequestBody Answer answer, CurrentMember member) {
		if (answer.anySignApplies()) {
			return Mono
				.just(new Screening(false, null, WarningSigns.ALL, WarningSigns.ADVICE, WarningSigns.GENTLE_ROUTINES));
		}
		return this.screenings.acknowledge(member)
			.map((at) -> new Screening(true, at, WarningSigns.ALL, null, List.of()));
	}

	record Answer(@NotNull Boolean anySignApplies) {
	}

	record Screening(boolean acknowledged, OffsetDateTime acknowledgedAt, List<String> warningSigns, String advice,
			List<String> gentleRoutines) {
	}

}
