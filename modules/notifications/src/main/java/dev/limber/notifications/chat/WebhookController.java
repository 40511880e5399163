package dev.limber.notifications.chat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.challenges.ChallengeBulletins;
import dev.limber.kernel.problem.ApiException;
import dev.limber.notifications.Channel;
import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Role;

/**
 * Connects a challenge (team lead or org admin) or the whole organization (org admin) to a
 * Slack or Teams channel by its incoming webhook. The URL is a secret: sealed at once, never
 * shown again, only its hint.
 */
@RestController
class WebhookController {

	private final WebhookStore store;

	private final WebhookSeal seal;

	private final ChallengeBulletins challenges;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final boolean allowLocal;

	WebhookController(WebhookStore store, WebhookSeal seal, ChallengeBulletins challenges,
			TransactionalOperator transactions, Clock clock, NotificationProperties properties) {
		this.store = store;
		this.seal = seal;
		this.challenges = challenges;
		this.transactions = transactions;
		this.clock = clock;
		this.allowLocal = properties.allowLocalReceivers();
	}

	@GetMapping("/api/v1/notifications/webhooks")
	Mono<List<View>> list() {
		return CurrentMember.current()
			.filter((member) -> member.hasRole(Role.ORG_ADMIN) || member.hasRole(Role.TEAM_LEAD))
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden("Only organization admins and team leads see team chats."))).flatMap((member) -> this.store.all().map(View::of).collectList().as(this.transactions::transactional));
	}

	@PostMapping("/api/v1/notifications/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<View> connect(@Valid @RequestBody Request request) {
		Channel channel = Channel.of(request.channel()).filter((each) -> !each.personal()).orElse(null);
		if (channel == null) {
			return Mono.error(ApiException.badRequest("channel must be slack or teams."));
		}
		URI url = WebhookAddresses.check(channel, request.url(), this.allowLocal);
		if (url == null) {
			return Mono.error(ApiException.badRequest(WebhookAddresses.rule(channel)));
		}
		return organizer(request.challengeId())
			.flatMap((member) -> knownChallenge(request.challengeId()).then(this.seal.seal(request.url()))
				.flatMap((sealed) -> this.store.insert(member.tenant(),
						new WebhookStore.Webhook(UUID.randomUUID(), channel, request.challengeId(), sealed,
								WebhookAddresses.hint(url), (request.dailyAt() != null) ? request.dailyAt() : LocalTime.of(17, 0),
								member.memberId(), this.clock.instant()))))
			.as(this.transactions::transactional)
			.map(View::of);
	}

	@DeleteMapping("/api/v1/notifications/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> disconnect(@PathVariable UUID id) {
		return this.store.find(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Webhook")))
			.flatMap((webhook) -> organizer(webhook.challenge()).then(this.store.delete(id)))
			.as(this.transactions::transactional)
			.then();
	}

	/** Org admins for anything, team leads for a challenge's webhook only. */
	private static Mono<CurrentMember> organizer(UUID challenge) {
		return CurrentMember.current()
			.filter((member) -> member.hasRole(Role.ORG_ADMIN) || (member.hasRole(Role.TEAM_LEAD) && challenge != null))
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden(
					"Only organization admins, and team leads for a challenge, connect team chats.")));
	}

	private Mono<Void> knownChallenge(UUID challenge) {
		if (challenge == null) {
			return Mono.empty();
		}
		return this.challenges.published(Instant.EPOCH)
			.filter((summary) -> summary.id().equals(challenge))
			.next()
			.switchIfEmpty(Mono.error(() -> ApiException.unprocessable("challengeId: no published challenge has this id.")))
			.then();
	}

	record Request(@NotNull String channel, @NotNull @Size(max = 1000) String url, UUID challengeId, LocalTime dailyAt) {
	}

	/** @param url only the hint: the host and the last characters */
	record View(UUID id, String channel, UUID challengeId, String url, LocalTime dailyAt, Instant createdAt) {

		static View of(WebhookStore.Webhook webhook) {
			return new View(webhook.id(), webhook.channel().key(), webhook.challenge(), webhook.hint(), webhook.dailyAt(),
					webhook.createdAt());
		}

	}

}
