package dev.limber.programs.enrollment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Program;

/** Multi-week programs: list, enroll, leave, and today's plan with the streak. */
@RestController
@RequestMapping("/api/v1")
class EnrollmentController {

	private final Programs programs;

	private final Catalog catalog;

	EnrollmentController(Programs programs, Catalog catalog) {
		this.programs = programs;
		this.catalog = catalog;
	}

	@GetMapping("/programs")
	List<ProgramSummary> programs() {
		return this.catalog.programs().stream().map(ProgramSummary::of).toList();
	}

	@PostMapping("/enrollments")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Enrollment> enroll(@Valid @RequestBody EnrollRequest request, CurrentMember member) {
		return this.programs.enroll(member, request.program());
	}

	@DeleteMapping("/enrollments/current")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> leave(CurrentMember member) {
		return this.programs.leave(member);
	}

	@GetMapping("/me/today")
	Mono<TodayPlan> today(CurrentMember member) {
		return this.programs.today(member);
	}

	record EnrollRequest(@NotBlank String program) {
	}

	record ProgramSummary(String slug, String name, String description, int weeks) {

		static ProgramSummary of(Program program) {
			return new ProgramSummary(program.slug(), program.name(), program.description(), program.weeks().size());
		}

	}

}
