package dev.limber.organizations.departments;

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

/** Organization admins manage their organization's departments. */
@RestController
@RequestMapping("/api/v1/org/departments")
class DepartmentController {

	private final DepartmentRepository departments;

	private final TransactionalOperator transactions;

	DepartmentController(DepartmentRepository departments, TransactionalOperator transactions) {
		this.departments = departments;
		this.transactions = transactions;
	}

	@GetMapping
	Flux<Department> list() {
		return this.departments.findAll().as(this.transactions::transactional);
	}

	@GetMapping("/{id}")
	Mono<Department> get(@PathVariable UUID id) {
		return this.departments.findById(id).as(this.transactions::transactional).switchIfEmpty(notFound());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Department> create(@Valid @RequestBody DepartmentRequest request) {
		return this.departments.insert(request).as(this.transactions::transactional).onErrorMap(
				DuplicateKeyException.class, (ex) -> ApiException.conflict("A department with this name exists."));
	}

	@PutMapping("/{id}")
	Mono<Department> update(@PathVariable UUID id, @Valid @RequestBody DepartmentRequest request) {
		return this.departments.update(id, request)
			.as(this.transactions::transactional)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> ApiException.conflict("A department with this name exists."))
			.switchIfEmpty(notFound());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable UUID id) {
		return this.departments.delete(id)
			.as(this.transactions::transactional)
			.flatMap((deleted) -> (deleted == 0) ? notFound() : Mono.empty());
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(() -> ApiException.notFound("Department"));
	}

}
