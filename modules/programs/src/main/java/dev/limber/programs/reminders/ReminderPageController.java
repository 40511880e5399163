package dev.limber.programs.reminders;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.WeekFields;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.organizations.CurrentMember;

/**
 * Break settings with today's preview, and the calendar address (copy, replace, revoke).
 */
@Controller
class ReminderPageController {

	private final Reminders reminders;

	private final PublicBaseUrl publicBaseUrl;

	private final Clock clock;

	ReminderPageController(Reminders reminders, PublicBaseUrl publicBaseUrl, Clock clock) {
		this.clock = clock;
		this.reminders = reminders;
		this.publicBaseUrl = publicBaseUrl;
	}

	@GetMapping("/reminders")
	Mono<String> page(Model model, ServerWebExchange exchange, CurrentMember member) {
		// "?saved" has no value, so it is asked for by name rather than bound
		model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("saved"));
		model.addAttribute("revoked", exchange.getRequest().getQueryParams().containsKey("revoked"));
		return render(model, exchange, member);
	}

	@PostMapping("/reminders")
	Mono<String> save(ServerWebExchange exchange, Model model, CurrentMember member) {
		return exchange.getFormData()
			.flatMap((form) -> this.reminders.save(member, settings(form, member.zone())))
			.thenReturn("redirect:/reminders?saved")
			.onErrorResume(InvalidSettings.class, (ex) -> rejected(ex.messageKey, model, exchange, member))
			.onErrorResume(ApiException.class, (ex) -> rejected("reminders.error.invalid", model, exchange, member));
	}

	/**
	 * The form again with its error, answered 422 so that nothing reads a refused form as
	 * saved.
	 */
	private Mono<String> rejected(String messageKey, Model model, ServerWebExchange exchange, CurrentMember member) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		model.addAttribute("error", messageKey);
		return render(model, exchange, member);
	}

	@PostMapping("/reminders/feed")
	Mono<String> rotate(ServerWebExchange exchange, Model model, CurrentMember member) {
		return this.reminders.rotateFeed(member).flatMap((token) -> {
			model.addAttribute("feedUrl", this.publicBaseUrl.resolve("/calendar/" + token + ".ics"));
			return render(model, exchange, member);
		});
	}

	@PostMapping("/reminders/feed/revoke")
	Mono<String> revoke(CurrentMember member) {
		return this.reminders.revokeFeed(member).thenReturn("redirect:/reminders?revoked");
	}

	private Mono<String> render(Model model, ServerWebExchange exchange, CurrentMember member) {
		DayOfWeek firstDay = WeekFields.of(exchange.getLocaleContext().getLocale()).getFirstDayOfWeek();
		return this.reminders.settings(member).map((settings) -> {
			List<LocalTime> today = BreakSchedule
				.breaksOn(LocalDate.now(this.clock.withZone(settings.zone())), settings)
				.stream()
				.map(ZonedDateTime::toLocalTime)
				.toList();
			model.addAttribute("settings", settings);
			model.addAttribute("today", today);
			model.addAttribute("days", IntStream.range(0, 7).mapToObj(firstDay::plus).toList());
			return "programs/reminders";
		});
	}

	private static ReminderSettings settings(MultiValueMap<String, String> form, ZoneId fallback) {
		try {
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			List<String> chosen = form.getOrDefault("days", List.of());
			chosen.forEach((day) -> days.add(DayOfWeek.valueOf(day)));
			if (days.isEmpty()) {
				throw new InvalidSettings("reminders.error.noDays");
			}
			String zone = form.getFirst("timeZone");
			int breakMinutes = Integer.parseInt(String.valueOf(form.getFirst("breakMinutes")));
			if (breakMinutes < ReminderSettings.SHORTEST_BREAK_MINUTES || breakMinutes > 15) {
				throw new InvalidSettings("reminders.error.invalid");
			}
			return new ReminderSettings(LocalTime.parse(String.valueOf(form.getFirst("workStart"))),
					LocalTime.parse(String.valueOf(form.getFirst("workEnd"))), days,
					Integer.parseInt(String.valueOf(form.getFirst("intervalMinutes"))), breakMinutes,
					(zone == null || zone.isBlank()) ? fallback : ZoneId.of(zone), false);
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			throw new InvalidSettings("reminders.error.invalid");
		}
	}

	/**
	 * A form the page cannot save; the message key says why, in the reader's language.
	 */
	private static final class InvalidSettings extends RuntimeException {

		private final String messageKey;

		InvalidSettings(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

	}

}
