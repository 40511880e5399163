package dev.limber.programs.ergonomics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.organizations.CurrentMember;

/**
 * The ergonomic checklist: read it, answer it section by section, see the fixes and the
 * history.
 */
@RestController
class ChecklistController {

	private final Checklists checklists;

	ChecklistController(Checklists checklists) {
		this.checklists = checklists;
	}

	@GetMapping("/api/v1/checklists")
	Mono<List<ChecklistSection>> checklist() {
		return this.checklists.current();
	}

	@PostMapping("/api/v1/checklists/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, UUID>> start(CurrentMember member) {
		return this.checklists.start(member).map((id) -> Map.of("id", id));
	}

	@PutMapping("/api/v1/checklists/assessments/{id}/sections/{section}")
	Mono<AssessmentResult> answer(@PathVariable UUID id, @PathVariable String section,
			@Valid @RequestBody Answers answers, CurrentMember member) {
		return this.checklists.answer(member, id, section, answers.answers());
	}

	@PostMapping("/api/v1/checklists/assessments/{id}/complete")
	Mono<AssessmentResult> complete(@PathVariable UUID id, CurrentMember member) {
		return this.checklists.complete(member, id);
	}

	@GetMapping("/api/v1/checklists/assessments/{id}")
	Mono<AssessmentResult> assessment(@PathVariable UUID id, CurrentMember member) {
		return this.checklists.find(member, id);
	}

	@GetMapping("/api/v1/checklists/assessments")
	Flux<AssessmentResult> history(CurrentMember member) {
		return this.checklists.history(member);
	}

	@PostMapping("/api/v1/org/checklist-items")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ChecklistItem> addItem(@Valid @RequestBody NewItem request) {
		ChecklistItem item = new ChecklistItem(request.id(), request.section(), request.question(), request.fix(),
				(request.exercises() != null) ? request.exercises() : List.of(), true);
		return this.checklists.addItem(item).thenReturn(item);
	}

	@DeleteMapping("/api/v1/org/checklist-items/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteItem(@PathVariable String id) {
		return this.checklists.deleteItem(id);
	}

	/** Item id → true when the answer is "yes" (the good answer). */
	record Answers(@NotNull @Size(min = 1, max = 50) Map<@NotBlank @Size(max = 60) String, @NotNull Boolean> answers) {
	}

	record NewItem(@NotBlank @Pattern(regexp = "^[a-z0-9-]{2,60}$") String id, @NotBlank @Size(max = 60) String section,
			@NotBlank @Size(min = 3, max = 300) String question, @NotBlank @Size(min = 3, max = 1000) String fix,
			@Size(max = 10) List<@NotBlank @Size(max = 80) String> exercises) {
	}

}
