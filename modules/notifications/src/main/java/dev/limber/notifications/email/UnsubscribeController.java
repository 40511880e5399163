package dev.limber.notifications.email;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.notifications.preferences.Preferences;

/**
 * The unsubscribe link of an email. Works without signing in; the signed token is the
 * credential. GET only asks (mail scanners follow links), POST turns the topic off: the
 * button on the page, or the mail client's one-click POST (RFC 8058).
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final Preferences preferences;

	UnsubscribeController(UnsubscribeTokens tokens, Preferences preferences) {
		this.tokens = tokens;
		this.preferences = preferences;
	}

	@GetMapping(UnsubscribeSecurity.PATH + "/{token}")
	Mono<String> ask(@PathVariable String token, Model model, ServerWebExchange exchange) {
		return this.tokens.verify(token).map((unsubscribe) -> {
			if (unsubscribe.isEmpty()) {
				exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
				model.addAttribute("invalid", true);
			}
			else {
				model.addAttribute("topic", unsubscribe.get().topic().key());
				model.addAttribute("token", token);
			}
			return "notifications/unsubscribe";
		});
	}

	@PostMapping(UnsubscribeSecurity.PATH + "/{token}")
	Mono<String> unsubscribe(@PathVariable String token, Model model, ServerWebExchange exchange) {
		return this.tokens.verify(token).flatMap((unsubscribe) -> {
			if (unsubscribe.isEmpty()) {
				exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
				model.addAttribute("invalid", true);
				return Mono.just("notifications/unsubscribe");
			}
			UnsubscribeTokens.Unsubscribe what = unsubscribe.get();
			model.addAttribute("topic", what.topic().key());
			model.addAttribute("done", true);
			return this.preferences.unsubscribe(what.tenant(), what.member(), what.channel(), what.topic())
				.thenReturn("notifications/unsubscribe");
		});
	}

}
