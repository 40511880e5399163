package dev.limber.notifications.summary;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;
import dev.limber.notifications.preferences.Preferences;
import dev.limber.notifications.preferences.Recipient;
import dev.limber.notifications.preferences.Topic;
import dev.limber.notifications.schedule.DueMessages;
import dev.limber.notifications.schedule.TenantSweep;
import dev.limber.programs.ActivityHistory;
import dev.limber.programs.RecordedActivity;

/**
 * The weekly personal summary, for members who turned it on: last week's minutes,
 * sessions and streak, from their own activity log only. Enqueued from Monday 08:00 in
 * the member's zone, keyed by the week, so running this again (or on several instances)
 * adds nothing.
 */
@Component
public class WeeklySummaries implements DueMessages {

	static final int SEND_FROM_HOUR = 8;

	private final TenantSweep tenants;

	private final Preferences preferences;

	private final ActivityHistory history;

	private final Notifications notifications;

	private final TransactionalOperator transactions;

	private final Clock clock;

	WeeklySummaries(TenantSweep tenants, Preferences preferences, ActivityHistory history, Notifications notifications,
			TransactionalOperator transactions, Clock clock) {
		this.tenants = tenants;
		this.preferences = preferences;
		this.history = history;
		this.notifications = notifications;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Duration period() {
		return Duration.ofMinutes(5);
	}

	/**
	 * Enqueues every summary that is due and not enqueued yet; emits how many were added.
	 */
	@Override
	public Mono<Integer> enqueueDue() {
		return this.tenants.each(this.tenants.subscribed(Channel.EMAIL, Topic.WEEKLY_SUMMARY),
				(tenant) -> enqueueDue(tenant).as(this.transactions::transactional));
	}

	private Mono<Integer> enqueueDue(TenantId tenant) {
		// each step reads completely before the next query on
		// the transaction's connection
		return this.preferences.subscribers(Channel.EMAIL, Topic.WEEKLY_SUMMARY)
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap((member) -> this.preferences.recipient(member))
			.concatMap(this::enqueueFor)
			.filter(Boolean::booleanValue)
			.count()
			.map(Long::intValue);
	}

	private Mono<Boolean> enqueueFor(Recipient recipient) {
		ZonedDateTime now = this.clock.instant().atZone(recipient.zone());
		LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		if (now.isBefore(monday.atTime(SEND_FROM_HOUR, 0).atZone(recipient.zone()))) {
			return Mono.just(false);
		}
		LocalDate weekStart = monday.minusWeeks(1);
		// the streak may reach back before the week
		ZonedDateTime from = weekStart.minusDays(56).atStartOfDay(recipient.zone());
		ZonedDateTime to = monday.atStartOfDay(recipient.zone());
		return this.history.ofMember(recipient.memberId(), from.toOffsetDateTime(), to.toOffsetDateTime())
			.collectList()
			.flatMap((activities) -> this.notifications
				.enqueue(new Message(recipient.memberId().toString(), Channel.EMAIL, Topic.WEEKLY_SUMMARY.key(),
						"weekly-summary:" + weekStart, Map.of("template", "weekly-summary", "variables",
								variables(activities, weekStart, monday.minusDays(1), recipient)))));
	}

	static Map<String, Object> variables(List<RecordedActivity> activities, LocalDate weekStart, LocalDate weekEnd,
			Recipient recipient) {
		Set<LocalDate> activeDays = new TreeSet<>();
		long seconds = 0;
		int sessions = 0;
		for (RecordedActivity activity : activities) {
			LocalDate day = activity.completedAt().atZoneSameInstant(recipient.zone()).toLocalDate();
			activeDays.add(day);
			if (!day.isBefore(weekStart) && !day.isAfter(weekEnd)) {
				seconds += activity.durationSeconds();
				sessions++;
			}
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("weekStart", weekStart.toString());
		variables.put("weekEnd", weekEnd.toString());
		variables.put("minutes", seconds / 60);
		variables.put("sessions", sessions);
		variables.put("streak", streakEndingBy(activeDays, weekEnd));
		return variables;
	}

	/**
	 * Consecutive active days ending on the last active day of the week (0 without one).
	 */
	static int streakEndingBy(Set<LocalDate> activeDays, LocalDate weekEnd) {
		LocalDate last = activeDays.stream().filter((day) -> !day.isAfter(weekEnd)).reduce((a, b) -> b).orElse(null);
		if (last == null || last.isBefore(weekEnd.minusDays(6))) {
			return 0;
		}
		int streak = 0;
		for (LocalDate day = last; activeDays.contains(day); day = day.minusDays(1)) {
			streak++;
		}
		return streak;
	}

}
