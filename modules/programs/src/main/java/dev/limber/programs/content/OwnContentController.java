package dev.limber.programs.content;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.programs.content.OwnContentStore.Kind;

/**
 * Organization admins add and delete their own exercises and routines
 * ({@link OwnContent}).
 */
@RestController
@RequestMapping("/api/v1/org")
class OwnContentController {

	private final OwnContent content;

	OwnContentController(OwnContent content) {
		this.content = content;
	}

	@GetMapping("/exercises")
	Mono<List<Map<String, Object>>> exercises() {
		return this.content.documents(Kind.EXERCISE);
	}

	@GetMapping("/routines")
	Mono<List<Map<String, Object>>> routines() {
		return this.content.documents(Kind.ROUTINE);
	}

	@PostMapping("/exercises")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> addExercise(@RequestBody Map<String, Object> document) {
		return this.content.addExercise(document);
	}

	@PostMapping("/routines")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Object>> addRoutine(@RequestBody Map<String, Object> document) {
		return this.content.add(Kind.ROUTINE, document);
	}

	@DeleteMapping("/exercises/{slug}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteExercise(@PathVariable String slug) {
		return this.content.delete(Kind.EXERCISE, slug);
	}

	@DeleteMapping("/routines/{slug}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteRoutine(@PathVariable String slug) {
		return this.content.delete(Kind.ROUTINE, slug);
	}

}
