package dev.limber.programs.library;

import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.problem.ApiException;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Exercise;

/** The stretch and exercise library and its routines, for every signed-in employee. */
@RestController
@RequestMapping("/api/v1")
class LibraryController {

	private final Catalog catalog;

	LibraryController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/exercises")
	List<ExerciseView> exercises(@RequestParam(required = false) String bodyArea,
			@RequestParam(required = false) String position, @RequestParam(required = false) String equipment,
			@RequestParam(required = false) Boolean deskFriendly, @RequestParam(required = false) String category) {
		ExerciseFilter filter = new ExerciseFilter(bodyArea, position, equipment, deskFriendly, category);
		return this.catalog.exercises()
			.stream()
			.filter(filter::matches)
			.sorted(Comparator.comparing(Exercise::name))
			.map(ExerciseView::of)
			.toList();
	}

	@GetMapping("/exercises/{slug}")
	Mono<ExerciseView> exercise(@PathVariable String slug) {
		return Mono.justOrEmpty(this.catalog.exercise(slug))
			.map(ExerciseView::of)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Exercise")));
	}

	@GetMapping("/routines")
	List<RoutineView> routines(@RequestParam(required = false) String category) {
		return this.catalog.routines()
			.stream()
			.filter((routine) -> category == null || routine.category().equals(category))
			.map((routine) -> RoutineView.of(routine, this.catalog))
			.toList();
	}

	@GetMapping("/routines/{slug}")
	Mono<RoutineView> routine(@PathVariable String slug) {
		return Mono.justOrEmpty(this.catalog.routine(slug))
			.map((routine) -> RoutineView.of(routine, this.catalog))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Routine")));
	}

}
