package dev.limber.organizations.teams;

import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;

/** Organization admins manage their organization's teams. */
@RestController
@RequestMapping("/api/v1/org/teams")
class TeamController {

	private final Teams teams;

	TeamController(Teams teams) {
		this.teams = teams;
	}

	@GetMapping
	Flux<Team> list() {
		return this.teams.all();
	}

	@GetMapping("/{id}")
	Mono<Team> get(@PathVariable UUID id) {
		return this.teams.find(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Team> create(@Valid @RequestBody TeamRequest request) {
		return this.teams.create(request);
	}

	@PutMapping("/{id}")
	Mono<Team> update(@PathVariable UUID id, @Valid @RequestBody TeamRequest request) {
		return this.teams.change(id, request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable UUID id) {
		return this.teams.delete(id)
			.flatMap((deleted) -> deleted ? Mono.empty() : Mono.error(() -> ApiException.notFound("Team")));
	}

}
