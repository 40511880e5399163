package dev.limber.notifications.email;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.SendFailedException;
import reactor.core.publisher.Mono;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
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
import dev.limber.notifications.preferences.Topic;

/**
 * Emails a member in their language: HTML and plain text from the message's template,
 * with a one-click unsubscribe for exactly this topic (RFC 8058) and a link to the
 * preferences.
 */
@Component
class EmailSender implements ChannelSender {

	private final Preferences preferences;

	private final MailTemplates templates;

	private final MailTransport transport;

	private final UnsubscribeTokens tokens;

	private final PublicBaseUrl publicBaseUrl;

	private final TransactionalOperator transactions;

	private final String from;

	EmailSender(Preferences preferences, MailTemplates templates, MailTransport transport, UnsubscribeTokens tokens,
			PublicBaseUrl publicBaseUrl, TransactionalOperator transactions, NotificationProperties properties) {
		this.preferences = preferences;
		this.templates = templates;
		this.transport = transport;
		this.tokens = tokens;
		this.publicBaseUrl = publicBaseUrl;
		this.transactions = transactions;
		this.from = properties.email().from();
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public Mono<Delivery> send(OutboxMessage message) {
		Topic topic = Topic.of(message.kind()).orElse(null);
		String template = message.text("template");
		if (topic == null || template == null) {
			return Mono.just(Delivery.permanent("No template for " + message.kind()));
		}
		return this.preferences.recipient(UUID.fromString(message.recipient()))
			.as(this.transactions::transactional)
			.flatMap((recipient) -> (recipient.email() == null || recipient.email().isBlank())
					? Mono.just(Delivery.permanent("No email address"))
					: mail(message, topic, template, recipient).flatMap(this.transport::send).thenReturn(Delivery.SENT))
			.defaultIfEmpty(Delivery.permanent("Recipient unknown"))
			.onErrorResume(EmailSender::classify);
	}

	private Mono<OutgoingMail> mail(OutboxMessage message, Topic topic, String template, Recipient recipient) {
		return this.tokens.issue(message.tenant(), recipient.memberId(), Channel.EMAIL, topic).map((token) -> {
			String unsubscribe = this.publicBaseUrl.resolve("/notifications/unsubscribe/" + token);
			Map<String, Object> variables = new HashMap<>();
			Object given = message.payload().get("variables");
			if (given instanceof Map<?, ?> map) {
				map.forEach((key, value) -> variables.put(String.valueOf(key), value));
			}
			variables.put("unsubscribeUrl", unsubscribe);
			variables.put("preferencesUrl", this.publicBaseUrl.resolve("/notifications"));
			variables.put("portalUrl", this.publicBaseUrl.resolve("/"));
			MailTemplates.Rendered rendered = this.templates.render(template, recipient.locale(), variables);
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
			headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			return new OutgoingMail(message.tenant(), message.id(), this.from, recipient.email(), rendered.subject(),
					rendered.html(), rendered.text(), headers);
		});
	}

	/** A refused address or login will not get better by retrying; anything else may. */
	private static Mono<Delivery> classify(Throwable ex) {
		if (ex instanceof MailAuthenticationException) {
			return Mono.just(Delivery.retry("SMTP authentication failed"));
		}
		if (ex instanceof MailSendException send && send.getFailedMessages()
			.values()
			.stream()
			.anyMatch((cause) -> cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0)) {
			return Mono.just(Delivery.permanent("The mail server refused the address"));
		}
		if (ex instanceof IllegalArgumentException) {
			return Mono.just(Delivery.permanent(ex.getMessage()));
		}
		return Mono.just(Delivery.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
	}

}
