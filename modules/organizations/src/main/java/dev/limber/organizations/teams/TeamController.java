package dev.limber.organizations.teams;

import java.util.UUID;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
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

	private final TeamRepository teams;

	private final TransactionalOperator transactions;

	TeamController(TeamRepository teams, TransactionalOperator transactions) {
		this.teams = teams;
		this.transactions = transactions;
	}

	@GetMapping
	Flux<Team> list() {
		return this.teams.findAll().as(this.transactions::transactional);
	}

	@GetMapping("/{id}")
	Mono<Team> get(@PathVariable UUID id) {
		return this.teams.findById(id).as(this.transactions::transactional).switchIfEmpty(notFound());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Team> create(@Valid @RequestBody TeamRequest request) {
		return this.teams.insert(request).as(this.transactions::transactional).onErrorMap(
				DuplicateKeyException.class, (ex) -> ApiException.conflict("A team with this name exists."));
	}

	@PutMapping("/{id}")
	Mono<Team> update(@PathVariable UUID id, @Valid @RequestBody TeamRequest request) {
		return this.teams.rename(id, request)
			.as(this.transactions::transactional)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("A team with this name exists."))
			.switchIfEmpty(notFound());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable UUID id) {
		return this.teams.delete(id)
			.as(this.transactions::transactional)
			.flatMap((deleted) -> (deleted == 0) ? notFound() : Mono.empty());
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(() -> ApiException.notFound("Team"));
	}

}
