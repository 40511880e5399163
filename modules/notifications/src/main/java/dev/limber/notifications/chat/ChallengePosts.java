package dev.limber.notifications.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.ChallengeBulletins;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;
import dev.limber.notifications.schedule.DueMessages;
import dev.limber.notifications.schedule.TenantSweep;

/**
 * Enqueues a challenge's posts for every webhook connected to it (or to its
 * organization): announced before it starts, started on its first day, the standing daily
 * at the webhook's local time while it runs, and the final results once its grace period
 * is over. Each post is keyed by its moment, so polling again adds nothing.
 */
@Component
public class ChallengePosts implements DueMessages {

	/**
	 * Final results are posted within this time after the grace period, not for old
	 * challenges.
	 */
	static final Duration RECENT = Duration.ofDays(7);

	private final TenantSweep tenants;

	private final WebhookStore webhooks;

	private final ChallengeBulletins challenges;

	private final Notifications notifications;

	private final TransactionalOperator transactions;

	private final Clock clock;

	ChallengePosts(TenantSweep tenants, WebhookStore webhooks, ChallengeBulletins challenges,
			Notifications notifications, TransactionalOperator transactions, Clock clock) {
		this.tenants = tenants;
		this.webhooks = webhooks;
		this.challenges = challenges;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Enqueues every post that is due; emits how many were added. */
	@Override
	public Mono<Integer> enqueueDue() {
		Instant now = this.clock.instant();
		return this.tenants.each(this.webhooks.tenants(),
				(tenant) -> enqueueDue(now).as(this.transactions::transactional));
	}

	@Override
	public Duration period() {
		return Duration.ofMinutes(1);
	}

	private Mono<Integer> enqueueDue(Instant now) {
		// both lists are read completely before anything is written on the connection
		return this.webhooks.all()
			.collectList()
			.zipWhen((hooks) -> this.challenges.published(now.minus(RECENT)).collectList())
			.flatMapMany((both) -> Flux.fromIterable(posts(both.getT1(), both.getT2(), now)))
			.concatMap(this.notifications::enqueue)
			.filter(Boolean::booleanValue)
			.count()
			.map(Long::intValue);
	}

	static List<Message> posts(List<WebhookStore.Webhook> hooks, List<ChallengeBulletins.Summary> challenges,
			Instant now) {
		List<Message> posts = new ArrayList<>();
		for (WebhookStore.Webhook hook : hooks) {
			for (ChallengeBulletins.Summary challenge : challenges) {
				if (hook.challenge() != null && !hook.challenge().equals(challenge.id())) {
					continue;
				}
				String moment = moment(hook, challenge, now);
				if (moment != null) {
					posts.add(new Message(hook.id().toString(), hook.channel(), "challenge-" + moment.split(":")[0],
							moment + ":" + challenge.id(),
							Map.of("challenge", challenge.id().toString(), "title", challenge.title(), "startsOn",
									challenge.startsAt().atZone(challenge.zone()).toLocalDate().toString(), "endsOn",
									challenge.endsAt().atZone(challenge.zone()).toLocalDate().toString(), "moment",
									moment.split(":")[0])));
				}
			}
		}
		return posts;
	}

	/**
	 * The post due now for this challenge, or null: at most one per poll, the others
	 * follow.
	 */
	private static String moment(WebhookStore.Webhook hook, ChallengeBulletins.Summary challenge, Instant now) {
		if (now.isBefore(challenge.startsAt())) {
			return "announced";
		}
		if (!now.isBefore(challenge.graceEndsAt())) {
			return "final";
		}
		if (now.isBefore(challenge.endsAt())) {
			ZonedDateTime local = now.atZone(challenge.zone());
			if (now.isBefore(challenge.startsAt().plus(Duration.ofDays(1)))
					&& local.toLocalDate().equals(challenge.startsAt().atZone(challenge.zone()).toLocalDate())) {
				return "started";
			}
			if (!local.toLocalTime().isBefore(hook.dailyAt())) {
				return "daily:" + local.toLocalDate();
			}
		}
		return null;
	}

}
