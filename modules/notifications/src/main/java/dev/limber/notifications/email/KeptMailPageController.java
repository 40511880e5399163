package dev.limber.notifications.email;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.limber.organizations.CurrentMember;

/**
 * Development only: the mail Limber would have sent to the signed-in member, for trying
 * the email channel without a mail server. Each member sees only mail addressed to them.
 */
@Controller
@Profile("dev")
@ConditionalOnProperty(name = "limber.notifications.email.transport", havingValue = "keep")
class KeptMailPageController {

	private final KeptMail kept;

	KeptMailPageController(KeptMail kept) {
		this.kept = kept;
	}

	@GetMapping("/dev/mail")
	Mono<String> page(Model model, CurrentMember member) {
		return Mono.fromSupplier(() -> {
			model.addAttribute("mails", this.kept.to(member.tenant(), String.valueOf(member.email())));
			return "notifications/kept-mail";
		});
	}

}
