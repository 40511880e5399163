package dev.limber.notifications.preferences;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.notifications.Channel;
import dev.limber.organizations.CurrentMember;

/** The signed-in member's notification choices; nothing is on until they turn it on. */
@RestController
class PreferenceController {

	private final Preferences preferences;

	PreferenceController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/api/v1/me/notifications")
	Mono<View> get(ServerWebExchange exchange, CurrentMember member) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.preferences.of(member, locale).flatMap(this::view);
	}

	@PutMapping("/api/v1/me/notifications")
	Mono<View> put(@Valid @RequestBody Request request, CurrentMember member) {
		Choices choices;
		try {
			choices = request.choices();
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(ApiException.badRequest(ex.getMessage() + "."));
		}
		return this.preferences.save(member, choices).flatMap(this::view);
	}

	private Mono<View> view(Choices choices) {
		return this.preferences.availableNow().map((available) -> View.of(choices, available));
	}

	record EmailChoices(@NotNull Boolean weeklySummary, @NotNull Boolean challenges) {
	}

	record PushChoices(@NotNull Boolean breakReminders, @NotNull Boolean challenges) {
	}

	record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {
	}

	record Request(@NotNull @Valid EmailChoices email, @NotNull @Valid PushChoices push, @Valid QuietHours quietHours,
			@NotNull @Pattern(regexp = "en|de") String language) {

		Choices choices() {
			Set<Choices.Choice> enabled = new HashSet<>();
			add(enabled, this.email.weeklySummary(), Channel.EMAIL, Topic.WEEKLY_SUMMARY);
			add(enabled, this.email.challenges(), Channel.EMAIL, Topic.CHALLENGES);
			add(enabled, this.push.breakReminders(), Channel.PUSH, Topic.BREAK_REMINDERS);
			add(enabled, this.push.challenges(), Channel.PUSH, Topic.CHALLENGES);
			return new Choices(enabled, (this.quietHours != null) ? this.quietHours.start() : null,
					(this.quietHours != null) ? this.quietHours.end() : null, this.language);
		}

		private static void add(Set<Choices.Choice> enabled, boolean on, Channel channel, Topic topic) {
			if (on) {
				enabled.add(new Choices.Choice(channel, topic));
			}
		}

	}

	/**
	 * @param available whether each personal channel can reach the member at all
	 * (operator and organization)
	 */
	record View(EmailChoices email, PushChoices push, QuietHours quietHours, String language,
			Map<String, Boolean> available) {

		static View of(Choices choices, Set<Channel> available) {
			Map<String, Boolean> channels = new java.util.TreeMap<>();
			channels.put(Channel.EMAIL.key(), available.contains(Channel.EMAIL));
			channels.put(Channel.PUSH.key(), available.contains(Channel.PUSH));
			return new View(
					new EmailChoices(choices.wants(Channel.EMAIL, Topic.WEEKLY_SUMMARY),
							choices.wants(Channel.EMAIL, Topic.CHALLENGES)),
					new PushChoices(choices.wants(Channel.PUSH, Topic.BREAK_REMINDERS),
							choices.wants(Channel.PUSH, Topic.CHALLENGES)),
					choices.hasQuietHours() ? new QuietHours(choices.quietStart(), choices.quietEnd()) : null,
					choices.language(), channels);
		}

	}

	/** The organization admin's switch per channel for the whole organization. */
	@RestController
	static class OrganizationChannels {

		private final Preferences preferences;

		OrganizationChannels(Preferences preferences) {
			this.preferences = preferences;
		}

		@GetMapping("/api/v1/org/notifications")
		Mono<Map<String, Boolean>> get() {
			return this.preferences.organizationChannels().map(OrganizationChannels::keyed);
		}

		@PutMapping("/api/v1/org/notifications")
		Mono<Map<String, Boolean>> put(@RequestBody Map<String, Boolean> request, CurrentMember admin) {
			Map<Channel, Boolean> switches = new EnumMap<>(Channel.class);
			for (Map.Entry<String, Boolean> entry : request.entrySet()) {
				Channel channel = Channel.of(entry.getKey()).orElse(null);
				if (channel == null || entry.getValue() == null) {
					return Mono.error(
							ApiException.badRequest("Channels are email, push, slack and teams, each true or false."));
				}
				switches.put(channel, entry.getValue());
			}
			return this.preferences.setOrganizationChannels(admin.tenant(), switches).map(OrganizationChannels::keyed);
		}

		private static Map<String, Boolean> keyed(Map<Channel, Boolean> switches) {
			Map<String, Boolean> keyed = new java.util.TreeMap<>();
			switches.forEach((channel, on) -> keyed.put(channel.key(), on));
			return keyed;
		}

	}

}
