package dev.limber.challenges.challenge;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;

/** The organization's challenges: everyone reads, admins and team leads organize. */
@RestController
class ChallengeController {

	private final Challenges challenges;

	private final Clock clock;

	ChallengeController(Challenges challenges, Clock clock) {
		this.challenges = challenges;
		this.clock = clock;
	}

	@GetMapping("/api/v1/challenges")
	Flux<ChallengeView> list(CurrentMember member) {
		return this.challenges.visibleTo(member)
			.map((challenge) -> ChallengeView.of(challenge, member, this.clock.instant()));
	}

	@GetMapping("/api/v1/challenges/{id}")
	Mono<ChallengeView> get(@PathVariable UUID id, CurrentMember member) {
		return this.challenges.find(member, id)
			.map((challenge) -> ChallengeView.of(challenge, member, this.clock.instant()));
	}

	@PostMapping("/api/v1/challenges")
	// the status the ResponseEntity answers, for the API description
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<ChallengeView>> create(@Valid @RequestBody ChallengeRequest request, CurrentMember member) {
		return this.challenges.create(member, request)
			.map((challenge) -> ResponseEntity.created(URI.create("/api/v1/challenges/" + challenge.id()))
				.body(ChallengeView.of(challenge, member, this.clock.instant())));
	}

	@PutMapping("/api/v1/challenges/{id}")
	Mono<ChallengeView> update(@PathVariable UUID id, @Valid @RequestBody ChallengeRequest request,
			CurrentMember member) {
		return this.challenges.update(member, id, request)
			.map((challenge) -> ChallengeView.of(challenge, member, this.clock.instant()));
	}

	@DeleteMapping("/api/v1/challenges/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable UUID id, CurrentMember member) {
		return this.challenges.delete(member, id);
	}

}
