package dev.limber.challenges.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.limber.challenges.challenge.ChallengeRequest;
import dev.limber.challenges.challenge.ChallengeView;
import dev.limber.challenges.challenge.Challenges;
import dev.limber.challenges.challenge.OrganizerChoices;
import dev.limber.challenges.live.LeaderboardStream;
import dev.limber.challenges.participation.Participation;
import dev.limber.challenges.scoring.LeaderboardView;
import dev.limber.challenges.scoring.Leaderboards;
import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;

/**
 * Challenge pages: the list, a challenge with its live leaderboard, and the organizer's
 * form.
 */
@Controller
class ChallengePageController {

	private final Challenges challenges;

	private final Participation participation;

	private final Leaderboards leaderboards;

	private final LeaderboardStream stream;

	private final OrganizerChoices choices;

	private final Validator validator;

	private final Clock clock;

	ChallengePageController(Challenges challenges, Participation participation, Leaderboards leaderboards,
			LeaderboardStream stream, OrganizerChoices choices, Validator validator, Clock clock) {
		this.clock = clock;
		this.challenges = challenges;
		this.participation = participation;
		this.leaderboards = leaderboards;
		this.stream = stream;
		this.choices = choices;
		this.validator = validator;
	}

	@GetMapping("/challenges")
	Mono<String> list(Model model, CurrentMember member) {
		return this.challenges.visibleTo(member)
			.map((challenge) -> ChallengeView.of(challenge, member, this.clock.instant()))
			.collectList()
			.doOnNext((views) -> {
				model.addAttribute("challenges", views);
				model.addAttribute("canCreate", Challenges.mayCreate(member));
			})
			.thenReturn("challenges/list");
	}

	@GetMapping("/challenges/{id}")
	Mono<String> detail(@PathVariable UUID id, Model model, ServerWebExchange exchange, CurrentMember member) {
		// the notices' flags ("?joined") have no value, so they are asked for by name
		// rather than bound
		MultiValueMap<String, String> flags = exchange.getRequest().getQueryParams();
		model.addAttribute("saved", flags.containsKey("saved"));
		model.addAttribute("joined", flags.containsKey("joined"));
		model.addAttribute("left", flags.containsKey("left"));
		model.addAttribute("cannotJoin", flags.containsKey("cannotJoin") || flags.containsKey("cannotLeave"));
		return this.challenges.find(member, id)
			.map((challenge) -> ChallengeView.of(challenge, member, this.clock.instant()))
			.flatMap((view) -> this.leaderboards.standing(member.tenant(), id)
				.map((standing) -> LeaderboardView.of(standing, member.memberId()))
				.doOnNext((leaderboard) -> {
					model.addAttribute("challenge", view);
					model.addAttribute("leaderboard", leaderboard);
				}))
			.thenReturn("challenges/detail");
	}

	/** The page's live updates, for the signed-in member's session. */
	@GetMapping(path = "/challenges/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	Flux<ServerSentEvent<LeaderboardView>> live(@PathVariable UUID id, CurrentMember member) {
		return this.stream.of(member, id);
	}

	@PostMapping("/challenges/{id}/join")
	Mono<String> join(@PathVariable UUID id, @RequestParam(required = false) UUID teamId,
			@RequestParam(defaultValue = "false") boolean showName, CurrentMember member) {
		return this.participation.join(member, id, teamId, showName)
			.thenReturn("redirect:/challenges/" + id + "?joined")
			.onErrorResume(ApiException.class, (ex) -> Mono.just("redirect:/challenges/" + id + "?cannotJoin"));
	}

	@PostMapping("/challenges/{id}/leave")
	Mono<String> leave(@PathVariable UUID id, CurrentMember member) {
		return this.participation.leave(member, id)
			.thenReturn("redirect:/challenges/" + id + "?left")
			.onErrorResume(ApiException.class, (ex) -> Mono.just("redirect:/challenges/" + id + "?cannotLeave"));
	}

	@GetMapping("/challenges/new")
	Mono<String> newChallenge(Model model, CurrentMember member) {
		return Mono.defer(() -> {
			Challenges.requireOrganizer(member);
			return form(member, ChallengeForm.blank(LocalDateTime.now(this.clock.withZone(member.zone()))), null, null,
					model);
		});
	}

	@PostMapping("/challenges")
	Mono<String> create(@ModelAttribute ChallengeForm form, Model model, CurrentMember member) {
		return Mono.defer(() -> {
			Challenges.requireOrganizer(member);
			ChallengeRequest request = form.toRequest();
			String invalid = invalid(request);
			if (invalid != null) {
				return form(member, form, null, invalid, model);
			}
			return this.challenges.create(member, request)
				.map((challenge) -> "redirect:/challenges/" + challenge.id() + "?saved")
				.onErrorResume(ApiException.class, (ex) -> form(member, form, null, ex.getBody().getDetail(), model));
		});
	}

	@GetMapping("/challenges/{id}/edit")
	Mono<String> edit(@PathVariable UUID id, Model model, CurrentMember member) {
		return this.challenges.findToOrganize(member, id)
			.flatMap((challenge) -> form(member,
					ChallengeForm.of(ChallengeView.of(challenge, member, this.clock.instant())), id, null, model));
	}

	@PostMapping("/challenges/{id}")
	Mono<String> update(@PathVariable UUID id, @ModelAttribute ChallengeForm form, Model model, CurrentMember member) {
		return Mono.defer(() -> {
			ChallengeRequest request = form.toRequest();
			String invalid = invalid(request);
			if (invalid != null) {
				return form(member, form, id, invalid, model);
			}
			return this.challenges.update(member, id, request)
				.thenReturn("redirect:/challenges/" + id + "?saved")
				.onErrorResume(ApiException.class, (ex) -> form(member, form, id, ex.getBody().getDetail(), model));
		});
	}

	private Mono<String> form(CurrentMember member, ChallengeForm form, UUID id, String error, Model model) {
		return this.choices.of(member).map((choices) -> {
			model.addAttribute("form", form);
			model.addAttribute("challengeId", id);
			model.addAttribute("teams", choices.teams());
			model.addAttribute("routines", choices.routines());
			model.addAttribute("mayNameTeams", choices.mayNameTeams());
			model.addAttribute("error", error);
			return "challenges/form";
		});
	}

	private String invalid(ChallengeRequest request) {
		Set<ConstraintViolation<ChallengeRequest>> violations = this.validator.validate(request);
		if (violations.isEmpty()) {
			return null;
		}
		return violations.stream()
			.map((violation) -> violation.getPropertyPath() + ": " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
	}

}
