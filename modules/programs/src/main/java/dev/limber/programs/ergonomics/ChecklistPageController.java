package dev.limber.programs.ergonomics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.organizations.CurrentMember;

/**
 * The checklist pages: one section at a time, each saved before the next, then the
 * results with fixes, and the history of earlier takes, a page at a time. The start
 * button continues a check in progress rather than starting a second one.
 */
@Controller
class ChecklistPageController {

	private final Checklists checklists;

	ChecklistPageController(Checklists checklists) {
		this.checklists = checklists;
	}

	@GetMapping("/checklist")
	Mono<String> overview(@RequestParam(defaultValue = "1") int page, Model model, CurrentMember member) {
		return this.checklists.history(member, page)
			.doOnNext((history) -> model.addAttribute("history", history))
			.thenReturn("programs/checklist");
	}

	/** Continues the check in progress where its answers end, or starts one. */
	@PostMapping("/checklist/start")
	Mono<String> start(CurrentMember member) {
		return this.checklists.continueOrStart(member)
			.flatMap((id) -> this.checklists.find(member, id))
			.zipWith(this.checklists.current())
			.map((open) -> "redirect:/checklist/" + open.getT1().id() + "/"
					+ firstUnanswered(open.getT2(), open.getT1()));
	}

	@GetMapping("/checklist/{id}/results")
	Mono<String> results(@PathVariable UUID id, Model model, CurrentMember member) {
		return this.checklists.find(member, id).map((result) -> {
			model.addAttribute("result", result);
			return "programs/checklist-results";
		});
	}

	@GetMapping("/checklist/{id}/{section}")
	Mono<String> section(@PathVariable UUID id, @PathVariable String section, Model model, CurrentMember member) {
		return Mono.zip(this.checklists.current(), this.checklists.find(member, id)).map((loaded) -> {
			List<ChecklistSection> sections = loaded.getT1();
			int index = indexOf(sections, section);
			model.addAttribute("assessment", loaded.getT2());
			model.addAttribute("section", sections.get(index));
			model.addAttribute("number", index + 1);
			model.addAttribute("count", sections.size());
			model.addAttribute("answers", loaded.getT2().answers());
			return "programs/checklist-section";
		});
	}

	@PostMapping("/checklist/{id}/{section}")
	Mono<String> save(@PathVariable UUID id, @PathVariable String section, ServerWebExchange exchange,
			CurrentMember member) {
		return Mono.zip(exchange.getFormData(), this.checklists.current()).flatMap((loaded) -> {
			List<ChecklistSection> sections = loaded.getT2();
			int index = indexOf(sections, section);
			Map<String, Boolean> answers = new LinkedHashMap<>();
			sections.get(index).items().forEach((item) -> {
				String value = loaded.getT1().getFirst(item.id());
				if (value != null) {
					answers.put(item.id(), "yes".equals(value));
				}
			});
			Mono<?> saved = answers.isEmpty() ? Mono.just(true) : this.checklists.answer(member, id, section, answers);
			if (index + 1 < sections.size()) {
				return saved.thenReturn("redirect:/checklist/" + id + "/" + sections.get(index + 1).id());
			}
			return saved.then(this.checklists.complete(member, id))
				.thenReturn("redirect:/checklist/" + id + "/results");
		});
	}

	private static String firstUnanswered(List<ChecklistSection> sections, AssessmentResult check) {
		return sections.stream()
			.filter((section) -> section.items().stream().anyMatch((item) -> !check.answers().containsKey(item.id())))
			.findFirst()
			.orElse(sections.get(sections.size() - 1))
			.id();
	}

	private static int indexOf(List<ChecklistSection> sections, String id) {
		for (int i = 0; i < sections.size(); i++) {
			if (sections.get(i).id().equals(id)) {
				return i;
			}
		}
		throw dev.limber.kernel.problem.ApiException.notFound("Checklist section");
	}

}
