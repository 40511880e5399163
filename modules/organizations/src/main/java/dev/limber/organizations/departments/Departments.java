package dev.limber.organizations.departments;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;

/** The organization's departments, for its admins' API and pages: names are unique. */
@Service
public class Departments {

	private final DepartmentStore departments;

	private final TransactionalOperator transactions;

	Departments(DepartmentStore departments, TransactionalOperator transactions) {
		this.departments = departments;
		this.transactions = transactions;
	}

	public Flux<Department> all() {
		return this.departments.findAll().as(this.transactions::transactional);
	}

	public Mono<Department> find(UUID id) {
		return this.departments.findById(id).as(this.transactions::transactional).switchIfEmpty(notFound());
	}

	public Mono<Department> create(DepartmentRequest request) {
		return this.departments.insert(request)
			.as(this.transactions::transactional)
			.onErrorMap(DuplicateKeyException.class, (ex) -> duplicate());
	}

	public Mono<Department> change(UUID id, DepartmentRequest request) {
		return this.departments.update(id, request)
			.as(this.transactions::transactional)
			.onErrorMap(DuplicateKeyException.class, (ex) -> duplicate())
			.switchIfEmpty(notFound());
	}

	/** Whether there was one to delete. */
	public Mono<Boolean> delete(UUID id) {
		return this.departments.delete(id).as(this.transactions::transactional).map((deleted) -> deleted > 0);
	}

	private static ApiException duplicate() {
		return ApiException.conflict("A department with this name exists.");
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(() -> ApiException.notFound("Department"));
	}

}
