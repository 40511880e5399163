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
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.content.TenantCatalogs;

/**
 * The stretch and exercise library and its routines, for every signed-in employee: the
 * global catalog plus their organization's own content.
 */
@RestController
@RequestMapping("/api/v1")
class LibraryController {

	private final TenantCatalogs catalogs;

	LibraryController(TenantCatalogs catalogs) {
		this.catalogs = catalogs;
	}

	@GetMapping("/exercises")
	Mono<List<ExerciseView>> exercises(@RequestParam(required = false) String bodyArea,
			@RequestParam(required = false) String position, @RequestParam(required = false) String equipment,
			@RequestParam(required = false) Boolean deskFriendly, @RequestParam(required = false) String category) {
		ExerciseFilter filter = new ExerciseFilter(bodyArea, position, equipment, deskFriendly, category);
		return this.catalogs.current()
			.map((catalog) -> catalog.exercises()
				.stream()
				.filter(filter::matches)
				.sorted(Comparator.comparing(Exercise::name))
				.map(ExerciseView::of)
				.toList());
	}

	@GetMapping("/exercises/{slug}")
	Mono<ExerciseView> exercise(@PathVariable String slug) {
		return this.catalogs.current()
			.flatMap((catalog) -> Mono.justOrEmpty(catalog.exercise(slug)))
			.map(ExerciseView::of)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Exercise")));
	}

	@GetMapping("/routines")
	Mono<List<RoutineView>> routines(@RequestParam(required = false) String category) {
		return this.catalogs.current()
			.map((catalog) -> catalog.routines()
				.stream()
				.filter((routine) -> category == null || routine.category().equals(category))
				.map((routine) -> RoutineView.of(routine, catalog))
				.toList());
	}

	@GetMapping("/routines/{slug}")
	Mono<RoutineView> routine(@PathVariable String slug) {
		return this.catalogs.current()
			.flatMap((catalog) -> Mono.justOrEmpty(catalog.routine(slug))
				.map((routine) -> RoutineView.of(routine, catalog)))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Routine")));
	}

}
