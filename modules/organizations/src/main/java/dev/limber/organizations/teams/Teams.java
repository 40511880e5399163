package dev.limber.organizations.teams;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;

/** The organization's teams, for its admins' API and pages: names are unique. */
@Service
public class Teams {

	private final TeamStore teams;

	private final TransactionalOperator transactions;

	Teams(TeamStore teams, TransactionalOperator transactions) {
		this.teams = teams;
		this.transactions = transactions;
	}

	public Flux<Team> all() {
		return this.teams.findAll().as(this.transactions::transactional);
	}

	public Mono<Team> find(UUID id) {
		return this.teams.findById(id).as(this.transactions::transactional).switchIfEmpty(notFound());
	}

	public Mono<Team> create(TeamRequest request) {
		return this.teams.insert(request)
			.as(this.transactions::transactional)
			.onErrorMap(DuplicateKeyException.class, (ex) -> duplicate());
	}

	public Mono<Team> change(UUID id, TeamRequest request) {
		return this.teams.rename(id, request)
			.as(this.transactions::transactional)
			.onErrorMap(DuplicateKeyException.class, (ex) -> duplicate())
			.switchIfEmpty(notFound());
	}

	/** Whether there was one to delete. */
	public Mono<Boolean> delete(UUID id) {
		return this.teams.delete(id).as(this.transactions::transactional).map((deleted) -> deleted > 0);
	}

	private static ApiException duplicate() {
		return ApiException.conflict("A team with this name exists.");
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(() -> ApiException.notFound("Team"));
	}

}
