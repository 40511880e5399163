package dev.limber.programs.portal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.programs.activity.ActivityLog;
import dev.limber.programs.activity.ActivityRequest;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.ProgramWeek;
import dev.limber.programs.catalog.Routine;
import dev.limber.programs.content.CatalogText;
import dev.limber.programs.content.TenantCatalogs;
import dev.limber.programs.library.RoutineView;
import dev.limber.programs.screening.Screenings;
import dev.limber.programs.screening.WarningSigns;

/**
 * The guided routine player (each step with its exercise's instructions, cue and
 * pictures) and its "log it" form. The form carries an idempotency key made when the page
 * was rendered (and replaced by a fresh one when a routine starts), so a double click, a
 * resubmitted form or a routine finished offline and sent later counts once. A member's
 * first routine of any kind waits for the safety check; the gentle routines the check
 * itself suggests do not.
 */
@Controller
class RoutinePageController {

	private final TenantCatalogs catalogs;

	private final ActivityLog activities;

	private final CatalogText text;

	private final Screenings screening;

	private final Catalog programs;

	RoutinePageController(TenantCatalogs catalogs, ActivityLog activities, CatalogText text, Screenings screening,
			Catalog programs) {
		this.catalogs = catalogs;
		this.programs = programs;
		this.text = text;
		this.activities = activities;
		this.screening = screening;
	}

	/**
	 * A program's day links here with its program and week, so the player shows that
	 * week's doses (the pelvic tilts of week 2, say); without them the routine's own.
	 */
	@GetMapping("/routines/{slug}")
	Mono<String> player(@PathVariable String slug, @RequestParam(required = false) String program,
			@RequestParam(required = false) Integer week, Model model, ServerWebExchange exchange,
			CurrentMember member) {
		Optional<ProgramWeek> programWeek = programWeek(program, week);
		programWeek.ifPresent((found) -> {
			model.addAttribute("programWeek", found.week());
			model.addAttribute("programSlug", program);
			model.addAttribute("programName", this.programs.program(program).orElseThrow().name());
		});
		if (WarningSigns.GENTLE_ROUTINES.contains(slug)) {
			return render(slug, programWeek, model, exchange);
		}
		return this.screening.acknowledgedAt(member)
			.flatMap((acknowledged) -> render(slug, programWeek, model, exchange))
			.switchIfEmpty(Mono.defer(() -> this.catalogs.current()
				.filter((catalog) -> catalog.routine(slug).isPresent())
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("Routine")))
				.thenReturn("redirect:/screening?routine=" + slug)));
	}

	/**
	 * Both or neither: a program without a week (or a week it does not have) is not
	 * found.
	 */
	private Optional<ProgramWeek> programWeek(String program, Integer week) {
		if (program == null && week == null) {
			return Optional.empty();
		}
		return Optional.of(this.programs.program(String.valueOf(program))
			.filter((found) -> week != null && week >= 1 && week <= found.weeks().size())
			.map((found) -> found.weeks().get(week - 1))
			.orElseThrow(() -> ApiException.notFound("Program week")));
	}

	private Mono<String> render(String slug, Optional<ProgramWeek> week, Model model, ServerWebExchange exchange) {
		return this.catalogs.current()
			.flatMap((catalog) -> Mono.justOrEmpty(catalog.routine(slug))
				.map((routine) -> week.map((found) -> found.dosed(routine)).orElse(routine))
				.map((routine) -> Tuples.of(RoutineView.of(routine, catalog), exercisesOf(routine, catalog))))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Routine")))
			.map((found) -> {
				RoutineView routine = found.getT1();
				model.addAttribute("routine", routine);
				model.addAttribute("exercises", found.getT2());
				model.addAttribute("pageTitle", this.text.routine(routine.slug(), "name", routine.name(),
						exchange.getLocaleContext().getLocale()));
				model.addAttribute("logKey", UUID.randomUUID().toString());
				model.addAttribute("warningSigns", WarningSigns.ALL);
				return "programs/player";
			});
	}

	/** Each step's exercise by slug, for its instructions, cue and pictures. */
	private static Map<String, Exercise> exercisesOf(Routine routine, Catalog catalog) {
		Map<String, Exercise> exercises = new HashMap<>();
		routine.steps()
			.forEach((step) -> catalog.exercise(step.exercise()).ifPresent((e) -> exercises.put(e.slug(), e)));
		return exercises;
	}

	@PostMapping("/routines/{slug}/done")
	Mono<String> logIt(@PathVariable String slug, ServerWebExchange exchange, CurrentMember member) {
		return exchange.getFormData().flatMap((form) -> {
			int seconds = parseSeconds(form.getFirst("durationSeconds"));
			ActivityRequest request = new ActivityRequest(slug, null, null, seconds,
					parseCompletedAt(form.getFirst("completedAt")));
			return this.activities.log(member, request, form.getFirst("logKey"))
				.thenReturn("redirect:/history?logged=" + slug);
		});
	}

	/**
	 * Sent by a routine finished offline (static/js/offline.js) and logged later; now if
	 * absent.
	 */
	private static OffsetDateTime parseCompletedAt(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest("completedAt must be an ISO-8601 date-time.");
		}
	}

	private static int parseSeconds(String value) {
		try {
			int seconds = Integer.parseInt(String.valueOf(value));
			return Math.max(1, Math.min(14400, seconds));
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("durationSeconds must be a number.");
		}
	}

}
