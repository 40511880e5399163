package dev.limber.programs.portal;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.content.CatalogText;
import dev.limber.programs.content.TenantCatalogs;
import dev.limber.programs.illustration.Pictures;
import dev.limber.programs.library.ExerciseFilter;
import dev.limber.programs.library.ExerciseView;
import dev.limber.programs.library.RoutineView;
import dev.limber.programs.screening.WarningSigns;

/**
 * The library: filterable exercises with their pictures, each exercise's page, and the
 * list of routines.
 */
@Controller
class LibraryPageController {

	private final TenantCatalogs catalogs;

	private final CatalogText text;

	private final Pictures pictures;

	LibraryPageController(TenantCatalogs catalogs, CatalogText text, Pictures pictures) {
		this.catalogs = catalogs;
		this.text = text;
		this.pictures = pictures;
	}

	@GetMapping("/library")
	Mono<String> library(@RequestParam(required = false) String bodyArea,
			@RequestParam(required = false) String position, @RequestParam(required = false) String equipment,
			@RequestParam(required = false) Boolean deskFriendly, Model model, ServerWebExchange exchange) {
		ExerciseFilter filter = new ExerciseFilter(bodyArea, position, equipment, deskFriendly, null);
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.catalogs.current().map((catalog) -> render(catalog, filter, locale, model));
	}

	private String render(Catalog catalog, ExerciseFilter filter, Locale locale, Model model) {
		Collator alphabetical = Collator.getInstance(locale);
		List<ExerciseView> exercises = catalog.exercises()
			.stream()
			.filter(filter::matches)
			.sorted(Comparator.comparing((Exercise e) -> this.text.exercise(e.slug(), "name", e.name(), locale),
					alphabetical))
			.map(ExerciseView::of)
			.toList();
		List<ExerciseView> all = catalog.exercises().stream().map(ExerciseView::of).toList();
		model.addAttribute("exercises", exercises);
		model.addAttribute("filter", filter);
		model.addAttribute("bodyAreas", new TreeSet<>(all.stream().flatMap((e) -> e.bodyAreas().stream()).toList()));
		model.addAttribute("positions", new TreeSet<>(all.stream().map(ExerciseView::position).toList()));
		model.addAttribute("equipment", new TreeSet<>(all.stream().flatMap((e) -> e.equipment().stream()).toList()));
		model.addAttribute("routines", catalog.routines().stream().map((r) -> RoutineView.of(r, catalog)).toList());
		return "programs/library";
	}

	@GetMapping("/library/{slug}")
	Mono<String> exercise(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return this.catalogs.current()
			.flatMap((catalog) -> Mono.justOrEmpty(catalog.exercise(slug)))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Exercise")))
			.map((exercise) -> {
				Locale locale = exchange.getLocaleContext().getLocale();
				model.addAttribute("exercise", ExerciseView.of(exercise));
				model.addAttribute("pictures", this.pictures.keyframes(exercise, locale));
				model.addAttribute("pageTitle", this.text.exercise(exercise.slug(), "name", exercise.name(), locale));
				model.addAttribute("warningSigns", WarningSigns.ALL);
				return "programs/exercise";
			});
	}

}
