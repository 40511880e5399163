package dev.limber.programs.portal;

import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.enrollment.Programs;
import dev.limber.programs.screening.Screenings;
import dev.limber.programs.screening.WarningSigns;

/** Programs and enrollment, behind the safety screening. */
@Controller
class ProgramPageController {

	private final Catalog catalog;

	private final Programs programs;

	private static final Pattern ROUTINE_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	private final Screenings screening;

	ProgramPageController(Catalog catalog, Programs programs, Screenings screening) {
		this.catalog = catalog;
		this.programs = programs;
		this.screening = screening;
	}

	@GetMapping("/programs")
	Mono<String> programs(Model model, ServerWebExchange exchange, CurrentMember member) {
		model.addAttribute("programs", this.catalog.programs());
		// "?already" has no value, so it is asked for by name rather than bound
		model.addAttribute("already", exchange.getRequest().getQueryParams().containsKey("already"));
		model.addAttribute("screened", exchange.getRequest().getQueryParams().containsKey("screened"));
		return this.programs.today(member)
			.doOnNext((today) -> model.addAttribute("today", today))
			.thenReturn("programs/programs");
	}

	@PostMapping("/programs/{slug}/enroll")
	Mono<String> enroll(@PathVariable String slug, CurrentMember member) {
		return this.screening.acknowledgedAt(member)
			.flatMap((acknowledged) -> this.programs.enroll(member, slug).thenReturn("redirect:/?enrolled"))
			.switchIfEmpty(Mono.just("redirect:/screening?program=" + slug))
			.onErrorResume(ApiException.class, (ex) -> Mono.just("redirect:/programs?already"));
	}

	@GetMapping("/screening")
	String screening(@RequestParam(required = false) String program, @RequestParam(required = false) String routine,
			Model model) {
		model.addAttribute("warningSigns", WarningSigns.ALL);
		model.addAttribute("program", program);
		model.addAttribute("routine", routine);
		return "programs/screening";
	}

	@PostMapping("/screening")
	Mono<String> answer(ServerWebExchange exchange, Model model, CurrentMember member) {
		return exchange.getFormData().flatMap((form) -> {
			String program = form.getFirst("program");
			if (!"none".equals(form.getFirst("answer"))) {
				model.addAttribute("warningSigns", WarningSigns.ALL);
				model.addAttribute("advice", WarningSigns.ADVICE);
				model.addAttribute("gentle",
						WarningSigns.GENTLE_ROUTINES.stream()
							.map((slug) -> this.catalog.routine(slug).orElseThrow())
							.toList());
				return Mono.just("programs/screening");
			}
			return this.screening.acknowledge(member)
				.then(Mono.just(afterScreening(program, form.getFirst("routine"))));
		});
	}

	/**
	 * Back to what the member was about to do; the routine slug is checked so it cannot
	 * redirect elsewhere.
	 */
	private String afterScreening(String program, String routine) {
		if (routine != null && ROUTINE_SLUG.matcher(routine).matches()) {
			return "redirect:/routines/" + routine;
		}
		return (program != null && this.catalog.program(program).isPresent()) ? "redirect:/programs?screened=" + program
				: "redirect:/programs?screened";
	}

}
