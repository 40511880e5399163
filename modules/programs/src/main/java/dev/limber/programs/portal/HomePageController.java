package dev.limber.programs.portal;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.limber.organizations.CurrentMember;
import dev.limber.programs.enrollment.Programs;

/**
 * The portal's front door: a welcome for visitors; today's plan and streak for members.
 */
@Controller
class HomePageController {

	private final Programs programs;

	HomePageController(Programs programs) {
		this.programs = programs;
	}

	@GetMapping("/")
	Mono<String> home(Model model, Optional<CurrentMember> member) {
		return member.map(this.programs::today)
			.orElseGet(Mono::empty)
			.doOnNext((today) -> model.addAttribute("today", today))
			.thenReturn("programs/home");
	}

}
