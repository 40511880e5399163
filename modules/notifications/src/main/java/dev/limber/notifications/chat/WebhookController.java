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

/**
 * Connects a challenge (team lead or org admin) or the whole organization (org admin) to a
 * Slack or Teams channel by its incoming webhook.
 */
@RestController
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/api/v1/notifications/webhooks")
	Mono<List<View>> list() {
		return this.webhooks.list();
	}

	@PostMapping("/api/v1/notifications/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<View> connect(@Valid @RequestBody Request request) {
		return this.webhooks.connect(request);
	}

	@DeleteMapping("/api/v1/notifications/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> disconnect(@PathVariable UUID id) {
		return this.webhooks.disconnect(id);
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
