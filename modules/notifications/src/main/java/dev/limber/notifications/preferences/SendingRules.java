package dev.limber.notifications.preferences;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.notifications.outbox.Delivery;
import dev.limber.notifications.outbox.DeliveryPolicy;
import dev.limber.notifications.outbox.OutboxMessage;

/**
 * Right before sending: the operator's and the organization's switch, the member's choice
 * (an unsubscribe takes effect even for messages already queued), a message's expiry (a
 * break reminder after the break is noise) and the member's quiet hours.
 */
@Component
class SendingRules implements DeliveryPolicy {

	private final Preferences preferences;

	private final TransactionalOperator transactions;

	SendingRules(Preferences preferences, TransactionalOperator transactions) {
		this.preferences = preferences;
		this.transactions = transactions;
	}

	@Override
	public Mono<Optional<Delivery>> check(OutboxMessage message, Instant now) {
		if (!this.preferences.platformEnabled(message.channel())) {
			return verdict(new Delivery.Dropped("channel off for the platform"));
		}
		String expires = message.text("expiresAt");
		if (expires != null && Instant.parse(expires).isBefore(now)) {
			return verdict(new Delivery.Dropped("expired"));
		}
		return this.preferences.available().flatMap((available) -> {
			if (!available.contains(message.channel())) {
				return verdict(new Delivery.Dropped("channel off for the organization"));
			}
			if (!message.channel().personal()) {
				return Mono.just(Optional.<Delivery>empty());
			}
			return personal(message, now);
		}).as(this.transactions::transactional);
	}

	private Mono<Optional<Delivery>> personal(OutboxMessage message, Instant now) {
		Topic topic = Topic.of(message.kind()).orElse(null);
		if (topic == null) {
			return verdict(Delivery.permanent("unknown kind " + message.kind()));
		}
		// a push message goes to one device; the payload names its member
		String member = (message.text("member") != null) ? message.text("member") : message.recipient();
		return this.preferences.recipient(UUID.fromString(member)).map((recipient) -> {
			if (!recipient.choices().wants(message.channel(), topic)) {
				return Optional.<Delivery>of(new Delivery.Dropped("recipient opted out"));
			}
			ZonedDateTime local = now.atZone(recipient.zone());
			if (recipient.choices().quietAt(local.toLocalTime())) {
				return Optional.<Delivery>of(new Delivery.Deferred(quietEnd(local, recipient.choices())));
			}
			return Optional.<Delivery>empty();
		}).defaultIfEmpty(Optional.of(new Delivery.Dropped("recipient opted out")));
	}

	/** The next end of the quiet hours after {@code local}. */
	private static Instant quietEnd(ZonedDateTime local, Choices choices) {
		LocalDateTime end = local.toLocalDate().atTime(choices.quietEnd());
		if (!end.isAfter(local.toLocalDateTime())) {
			end = end.plusDays(1);
		}
		return end.atZone(local.getZone()).toInstant();
	}

	private static Mono<Optional<Delivery>> verdict(Delivery delivery) {
		return Mono.just(Optional.of(delivery));
	}

}
