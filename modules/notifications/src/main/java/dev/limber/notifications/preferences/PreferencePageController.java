package dev.limber.notifications.preferences;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.notifications.Channel;
import dev.limber.notifications.push.PushPageModel;
import dev.limber.organizations.CurrentMember;

/** The "Notifications" page: what to receive on which channel, quiet hours, language. */
@Controller
class PreferencePageController {

	private final Preferences preferences;

	private final PushPageModel push;

	PreferencePageController(Preferences preferences, PushPageModel push) {
		this.preferences = preferences;
		this.push = push;
	}

	@GetMapping("/notifications")
	Mono<String> page(Model model, ServerWebExchange exchange, CurrentMember member) {
		model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("saved"));
		model.addAttribute("deviceAdded", exchange.getRequest().getQueryParams().containsKey("device"));
		return this.preferences.of(member, exchange.getLocaleContext().getLocale())
			.flatMap((choices) -> render(choices, model, member));
	}

	@PostMapping("/notifications")
	Mono<String> save(ServerWebExchange exchange, Model model, CurrentMember member) {
		return exchange.getFormData().flatMap((form) -> {
			Choices choices;
			try {
				choices = choices(form);
			}
			catch (IllegalArgumentException | DateTimeException ex) {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("error", "notifications.error.invalid");
				return this.preferences.of(member, exchange.getLocaleContext().getLocale())
					.flatMap((current) -> render(current, model, member));
			}
			return this.preferences.save(member, choices).thenReturn("redirect:/notifications?saved");
		});
	}

	private Mono<String> render(Choices choices, Model model, CurrentMember member) {
		return this.push.addTo(model, member).then(this.preferences.availableNow()).map((available) -> {
			model.addAttribute("choices", choices);
			model.addAttribute("emailAvailable", available.contains(Channel.EMAIL));
			model.addAttribute("pushAvailable", available.contains(Channel.PUSH));
			model.addAttribute("currentPage", "/notifications");
			return "notifications/preferences";
		});
	}

	private static Choices choices(MultiValueMap<String, String> form) {
		Set<Choices.Choice> enabled = new HashSet<>();
		for (String value : form.getOrDefault("on", java.util.List.of())) {
			String[] parts = value.split(":", 2);
			Channel channel = Channel.of(parts[0]).orElseThrow(IllegalArgumentException::new);
			Topic topic = Topic.of((parts.length > 1) ? parts[1] : "").orElseThrow(IllegalArgumentException::new);
			enabled.add(new Choices.Choice(channel, topic));
		}
		String start = form.getFirst("quietStart");
		String end = form.getFirst("quietEnd");
		boolean quiet = start != null && !start.isBlank() && end != null && !end.isBlank();
		return new Choices(enabled, quiet ? LocalTime.parse(start) : null, quiet ? LocalTime.parse(end) : null,
				String.valueOf(form.getFirst("language")));
	}

}
