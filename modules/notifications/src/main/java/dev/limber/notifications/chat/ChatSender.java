package dev.limber.notifications.chat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.ChallengeBulletins;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.notifications.Channel;
import dev.limber.notifications.outbox.ChannelSender;
import dev.limber.notifications.outbox.Delivery;
import dev.limber.notifications.outbox.OutboxMessage;
import dev.limber.organizations.OutboundHttp;

/**
 * Posts a challenge message to a team chat's webhook through the guarded outbound client,
 * in the language chosen for the chat. The standing is read when the post is sent,
 * through the leaderboard's own privacy rules.
 */
@Component
class ChatSender {

	private final WebhookStore webhooks;

	private final WebhookSeal seal;

	private final ChallengeBulletins challenges;

	private final OutboundHttp http;

	private final PublicBaseUrl publicBaseUrl;

	private final TransactionalOperator transactions;

	private final MessageSource messages;

	ChatSender(WebhookStore webhooks, WebhookSeal seal, ChallengeBulletins challenges, OutboundHttp http,
			PublicBaseUrl publicBaseUrl, TransactionalOperator transactions, MessageSource messages) {
		this.webhooks = webhooks;
		this.seal = seal;
		this.challenges = challenges;
		this.http = http;
		this.publicBaseUrl = publicBaseUrl;
		this.transactions = transactions;
		this.messages = messages;
	}

	/** Posts the message, formatted for its chat, to the webhook it is addressed to. */
	Mono<Delivery> send(OutboxMessage message, Function<ChatPost, Map<String, Object>> format) {
		String moment = message.text("moment");
		UUID challenge = UUID.fromString(message.text("challenge"));
		String link = this.publicBaseUrl.resolve("/challenges/" + challenge);
		return this.webhooks.find(UUID.fromString(message.recipient()))
			.as(this.transactions::transactional)
			.flatMap((webhook) -> {
				ChatPost.Words words = new ChatPost.Words(this.messages, webhook.language());
				Mono<ChatPost> post = "announced".equals(moment)
						? Mono.just(ChatPost.announced(message.payload(), link, words))
						: this.challenges.standing(message.tenant(), challenge)
							.map((standing) -> ChatPost.standing(moment, standing, link, words));
				return this.seal.open(webhook.sealedUrl())
					.flatMap((url) -> post.flatMap((content) -> post(url, format.apply(content))));
			})
			.defaultIfEmpty(new Delivery.Dropped("The webhook or the challenge is gone"));
	}

	private Mono<Delivery> post(String url, Map<String, Object> body) {
		return this.http.client()
			.post()
			.uri(java.net.URI.create(url))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
			.map(ChatSender::outcome);
	}

	private static Delivery outcome(HttpStatusCode status) {
		if (status.is2xxSuccessful()) {
			return Delivery.SENT;
		}
		if (status.value() == 408 || status.value() == 429 || status.is5xxServerError()) {
			return Delivery.retry("The webhook answered " + status.value());
		}
		return Delivery.permanent("The webhook refused the post (" + status.value() + ")");
	}

	/** The chats: one sender each, differing only in the format of the post. */
	@Configuration(proxyBeanMethods = false)
	static class Chats {

		@Bean
		ChannelSender slackSender(ChatSender sender) {
			return new Chat(Channel.SLACK, ChatPost::slack, sender);
		}

		@Bean
		ChannelSender teamsSender(ChatSender sender) {
			return new Chat(Channel.TEAMS, ChatPost::teams, sender);
		}

	}

	record Chat(Channel channel, Function<ChatPost, Map<String, Object>> format,
			ChatSender sender) implements ChannelSender {

		@Override
		public Mono<Delivery> send(OutboxMessage message) {
			return this.sender.send(message, this.format);
		}

	}

}
