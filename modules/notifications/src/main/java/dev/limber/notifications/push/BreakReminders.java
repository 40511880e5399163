package dev.limber.notifications.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.notifications.Channel;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;
import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.notifications.preferences.Preferences;
import dev.limber.notifications.preferences.Recipient;
import dev.limber.notifications.preferences.Topic;
import dev.limber.notifications.schedule.DueMessages;
import dev.limber.notifications.schedule.TenantSweep;
import dev.limber.programs.BreakTimes;

/**
 * Movement-break reminders by push, at the member's own break times (the calendar feed's
 * schedule, from the programs module) on each of their devices. A break is enqueued once
 * it has begun and until {@link #WINDOW} later, keyed by its start, so polling twice adds
 * nothing; it expires when the break ends, so a late reminder is dropped, not shown.
 */
@Component
public class BreakReminders implements DueMessages {

	static final Duration WINDOW = Duration.ofMinutes(2);

	/** The five-minute desk reset: the player a reminder's click opens. */
	static final String PLAYER = "/routines/desk-reset-5-min";

	private final TenantSweep tenants;

	private final Preferences preferences;

	private final BreakTimes breaks;

	private final PushSubscriptionStore subscriptions;

	private final Notifications notifications;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final Duration period;

	BreakReminders(TenantSweep tenants, Preferences preferences, BreakTimes breaks, PushSubscriptionStore subscriptions,
			Notifications notifications, TransactionalOperator transactions, Clock clock,
			NotificationProperties properties) {
		this.tenants = tenants;
		this.preferences = preferences;
		this.breaks = breaks;
		this.subscriptions = subscriptions;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
		this.period = properties.push().breakReminderInterval();
	}

	@Override
	public Duration period() {
		return this.period;
	}

	/**
	 * Enqueues the reminders of breaks that have just begun; emits how many were added.
	 */
	@Override
	public Mono<Integer> enqueueDue() {
		Instant now = this.clock.instant();
		return this.tenants.each(this.tenants.subscribed(Channel.PUSH, Topic.BREAK_REMINDERS),
				(tenant) -> enqueueDue(now).as(this.transactions::transactional));
	}

	private Mono<Integer> enqueueDue(Instant now) {
		// every read completes before the next query on the transaction's connection
		return this.preferences.subscribers(Channel.PUSH, Topic.BREAK_REMINDERS)
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap(this.preferences::recipient)
			.concatMap((recipient) -> forMember(recipient, now))
			.filter(Boolean::booleanValue)
			.count()
			.map(Long::intValue);
	}

	private Flux<Boolean> forMember(Recipient recipient, Instant now) {
		return this.breaks.onDayOf(recipient.memberId(), recipient.zone(), now)
			.map((today) -> today.stream()
				.filter((each) -> !now.isBefore(each.startsAt()) && now.isBefore(each.startsAt().plus(WINDOW)))
				.toList())
			.filter((due) -> !due.isEmpty())
			.flatMapMany((due) -> this.subscriptions.ofMember(recipient.memberId())
				.collectList()
				.flatMapMany((devices) -> Flux.fromIterable(due)
					.concatMap((each) -> Flux.fromIterable(devices)
						.concatMap((device) -> enqueue(recipient, each, device)))));
	}

	private Mono<Boolean> enqueue(Recipient recipient, BreakTimes.Break each,
			PushSubscriptionStore.PushSubscription device) {
		Instant ends = each.startsAt().plus(Duration.ofMinutes(each.minutes()));
		return this.notifications.enqueue(new Message(device.id().toString(), Channel.PUSH, Topic.BREAK_REMINDERS.key(),
				"break:" + each.startsAt(),
				Map.of("member", recipient.memberId().toString(), "template", "break-reminder", "argument",
						String.valueOf(each.minutes()), "path", PLAYER, "expiresAt", ends.toString())));
	}

}
