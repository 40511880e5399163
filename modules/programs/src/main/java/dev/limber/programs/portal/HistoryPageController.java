package dev.limber.programs.portal;

import java.time.Clock;
import java.time.OffsetDateTime;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.limber.organizations.CurrentMember;
import dev.limber.programs.activity.ActivityLog;
import dev.limber.programs.catalog.Catalog;

/** My activity: the last 30 days, newest first. */
@Controller
class HistoryPageController {

	private final ActivityLog activities;

	private final Catalog catalog;

	private final Clock clock;

	HistoryPageController(ActivityLog activities, Catalog catalog, Clock clock) {
		this.clock = clock;
		this.activities = activities;
		this.catalog = catalog;
	}

	@GetMapping("/history")
	Mono<String> history(@RequestParam(required = false) String logged, Model model, CurrentMember member) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		// the slug of a known routine: the page names it in the reader's language
		model.addAttribute("logged",
				(logged != null) ? this.catalog.routine(logged).map((r) -> r.slug()).orElse(null) : null);
		return this.activities.own(member, now.minusDays(30), now.plusMinutes(5))
			.collectList()
			.doOnNext((list) -> model.addAttribute("activities", list))
			.thenReturn("programs/history");
	}

}
