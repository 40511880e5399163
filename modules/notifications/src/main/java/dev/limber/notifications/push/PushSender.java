package dev.limber.notifications.push;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.interaso.webpush.WebPush;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.notifications.Channel;
import dev.limber.notifications.outbox.ChannelSender;
import dev.limber.notifications.outbox.Delivery;
import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.notifications.outbox.OutboxMessage;
import dev.limber.notifications.preferences.Preferences;
import dev.limber.notifications.preferences.Recipient;
import dev.limber.organizations.OutboundHttp;

/**
 * Sends one push message to one device: the payload encrypted to the browser's keys (RFC
 * 8291, aes128gcm) and the request signed with the VAPID key (RFC 8292), through the
 * outbound client that refuses private addresses. A push service that answers 404 or 410
 * no longer knows the subscription: it is removed.
 */
@Component
class PushSender implements ChannelSender {

	private final PushSubscriptionStore subscriptions;

	private final VapidKeyPair keys;

	private final Preferences preferences;

	private final OutboundHttp http;

	private final MessageSource messages;

	private final PublicBaseUrl publicBaseUrl;

	private final ObjectMapper json;

	private final TransactionalOperator transactions;

	private final java.time.Clock clock;

	private final String subject;

	PushSender(PushSubscriptionStore subscriptions, VapidKeyPair keys, Preferences preferences, OutboundHttp http,
			MessageSource messages, PublicBaseUrl publicBaseUrl, ObjectMapper json, TransactionalOperator transactions,
			java.time.Clock clock, NotificationProperties properties) {
		this.clock = clock;
		this.subscriptions = subscriptions;
		this.keys = keys;
		this.preferences = preferences;
		this.http = http;
		this.messages = messages;
		this.publicBaseUrl = publicBaseUrl;
		this.json = json;
		this.transactions = transactions;
		this.subject = properties.push().subject();
	}

	@Override
	public Channel channel() {
		return Channel.PUSH;
	}

	@Override
	public Mono<Delivery> send(OutboxMessage message) {
		UUID member = UUID.fromString(message.text("member"));
		return this.subscriptions.find(UUID.fromString(message.recipient()))
			.zipWhen((subscription) -> this.preferences.recipient(member))
			.as(this.transactions::transactional)
			.flatMap((found) -> found.getT1().member().equals(member) ? post(message, found.getT1(), found.getT2())
					: Mono.just(Delivery.permanent("The device now belongs to someone else")))
			.defaultIfEmpty(new Delivery.Dropped("The device no longer receives push notifications"));
	}

	private Mono<Delivery> post(OutboxMessage message, PushSubscriptionStore.PushSubscription subscription,
			Recipient recipient) {
		byte[] payload = payload(message, recipient.locale()).getBytes(StandardCharsets.UTF_8);
		return this.keys.keys().flatMap((vapid) -> {
			WebPush push = new WebPush(this.subject, vapid);
			byte[] body = push.getBody(payload, PushDevices.decode(subscription.p256dh()),
					PushDevices.decode(subscription.auth()));
			Map<String, String> headers = push.getHeaders(subscription.endpoint(), ttlSeconds(message), null,
					WebPush.Urgency.Normal);
			return this.http.client()
				.post()
				.uri(subscription.endpoint())
				.headers((http) -> headers.forEach(http::set))
				.bodyValue(body)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
				.flatMap((status) -> outcome(status, subscription));
		});
	}

	private Mono<Delivery> outcome(HttpStatusCode status, PushSubscriptionStore.PushSubscription subscription) {
		if (status.is2xxSuccessful()) {
			return Mono.just(Delivery.SENT);
		}
		if (status.value() == 404 || status.value() == 410) {
			return this.subscriptions.delete(subscription.id(), subscription.member())
				.as(this.transactions::transactional)
				.thenReturn(Delivery
					.permanent("The push service no longer knows the subscription (" + status.value() + ")"));
		}
		if (status.value() == 429 || status.is5xxServerError()) {
			return Mono.just(Delivery.retry("The push service answered " + status.value()));
		}
		return Mono.just(Delivery.permanent("The push service refused the message (" + status.value() + ")"));
	}

	/** Title, text and the page a click opens, in the member's language. */
	private String payload(OutboxMessage message, Locale locale) {
		String template = message.text("template");
		Object[] arguments = { message.text("argument") };
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("title", this.messages.getMessage("push." + template + ".title", arguments, locale));
		payload.put("body", this.messages.getMessage("push." + template + ".body", arguments, locale));
		payload.put("url", this.publicBaseUrl.resolve(message.text("path")));
		payload.put("tag", message.dedupeKey());
		return this.json.writeValueAsString(payload);
	}

	/** A reminder is worth nothing after its break: push services may drop it then. */
	private Integer ttlSeconds(OutboxMessage message) {
		String expires = message.text("expiresAt");
		if (expires == null) {
			return 24 * 3600;
		}
		long seconds = java.time.Duration.between(this.clock.instant(), java.time.Instant.parse(expires)).toSeconds();
		return (int) Math.max(60, seconds);
	}

}
