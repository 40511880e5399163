package dev.limber.organizations.departments;

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

/** Organization admins manage their organization's departments. */
@RestController
@RequestMapping("/api/v1/org/departments")
class DepartmentController {

	private final Departments departments;

	DepartmentController(Departments departments) {
		this.departments = departments;
	}

	@GetMapping
	Flux<Department> list() {
		return this.departments.all();
	}

	@GetMapping("/{id}")
	Mono<Department> get(@PathVariable UUID id) {
		return this.departments.find(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Department> create(@Valid @RequestBody DepartmentRequest request) {
		return this.departments.create(request);
	}

	@PutMapping("/{id}")
	Mono<Department> update(@PathVariable UUID id, @Valid @RequestBody DepartmentRequest request) {
		return this.departments.change(id, request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable UUID id) {
		return this.departments.delete(id)
			.flatMap((deleted) -> deleted ? Mono.empty() : Mono.error(() -> ApiException.notFound("Department")));
	}

}
