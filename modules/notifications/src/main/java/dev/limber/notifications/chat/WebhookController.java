package dev.limber.notifications.chat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.organizations.CurrentMember;

/**
 * Connects a challenge (team lead or org admin) or the whole organization (org admin) to
 * a Slack or Teams channel by its incoming webhook.
 */
@RestController
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/api/v1/notifications/webhooks")
	Mono<List<View>> list(CurrentMember member) {
		return this.webhooks.list(member);
	}

	@PostMapping("/api/v1/notifications/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<View> connect(CurrentMember member, @Valid @RequestBody Request request, ServerWebExchange exchange) {
		return this.webhooks.connect(member, request, exchange.getLocaleContext().getLocale());
	}

	@DeleteMapping("/api/v1/notifications/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> disconnect(CurrentMember member, @PathVariable UUID id) {
		return this.webhooks.disconnect(member, id);
	}

	/**
	 * @param language {@code en} or {@code de}; omitted: the connecting person's language
	 */
	record Request(@NotNull String channel, @NotNull @Size(max = 1000) String url, UUID challengeId, LocalTime dailyAt,
			@Size(max = 10) String language) {
	}

	/**
	 * @param url only the hint: the host and the last characters
	 */
	record View(UUID id, String channel, UUID challengeId, String url, LocalTime dailyAt, String language,
			Instant createdAt) {

		static View of(WebhookStore.Webhook webhook) {
			return new View(webhook.id(), webhook.channel().key(), webhook.challenge(), webhook.hint(),
					webhook.dailyAt(), webhook.language().getLanguage(), webhook.createdAt());
		}

	}

}
