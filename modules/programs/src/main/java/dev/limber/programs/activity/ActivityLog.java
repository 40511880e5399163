package dev.limber.programs.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.organizations.CurrentMember;
import dev.limber.programs.ActivityRecordedListener;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.RecordedActivity;
import dev.limber.programs.content.TenantCatalogs;

/**
 * Records what employees did. One transaction writes the activity, its idempotency key
 * and its participation event, so a retry never counts twice and reporting never misses
 * one.
 */
@Service
public class ActivityLog {

	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	static final Duration BACKDATING = Duration.ofHours(72);

	private final ActivityStore store;

	private final TenantCatalogs catalogs;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final List<ActivityRecordedListener> listeners;

	private final Counter logged;

	ActivityLog(ActivityStore store, TenantCatalogs catalogs, TransactionalOperator transactions, Clock clock,
			List<ActivityRecordedListener> listeners, MeterRegistry meters) {
		this.listeners = listeners;
		this.logged = Counter.builder("limber.activities.logged")
			.description("Activities written (committed); replays of an Idempotency-Key are not counted")
			.register(meters);
		this.store = store;
		this.catalogs = catalogs;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<ActivityView> log(CurrentMember member, ActivityRequest request, String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			return Mono.error(ApiException.badRequest("Idempotency-Key must be 1 to 200 characters."));
		}
		return this.catalogs.current()
			.flatMap((catalog) -> log(member, request, idempotencyKey, LoggedItem.resolve(request, catalog)));
	}

	private Mono<ActivityView> log(CurrentMember member, ActivityRequest request, String idempotencyKey,
			LoggedItem item) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime completedAt = (request.completedAt() != null)
				? request.completedAt().withOffsetSameInstant(ZoneOffset.UTC) : now;
		if (completedAt.isAfter(now.plus(CLOCK_SKEW))) {
			return Mono.error(ApiException.unprocessable("completedAt: must not be in the future."));
		}
		if (completedAt.isBefore(now.minus(BACKDATING))) {
			return Mono.error(ApiException.unprocessable("completedAt: can be at most 72 hours ago."));
		}
		// as PostgreSQL stores it, so that the event carries exactly what the row holds
		OffsetDateTime stored = completedAt.truncatedTo(ChronoUnit.MICROS);
		ActivityView activity = new ActivityView(UUID.randomUUID(), item.kind(), item.slug(), item.category(),
				request.durationSeconds(), stored, null);
		Mono<Outcome> written = this.store
			.insert(member.tenant(), member.memberId(), activity, event(member, activity), idempotencyKey,
					request.fingerprint())
			.flatMap((saved) -> notifyListeners(member, saved).thenReturn(new Outcome(saved, true)));
		Mono<Outcome> result = (idempotencyKey == null) ? written
				: written.switchIfEmpty(Mono.defer(() -> replay(member, idempotencyKey, request.fingerprint())
					.map((earlier) -> new Outcome(earlier, false))));
		return result.as(this.transactions::transactional).doOnNext((outcome) -> {
			if (outcome.written()) {
				this.logged.increment();
			}
		}).map(Outcome::activity);
	}

	public Flux<ActivityView> own(CurrentMember member, OffsetDateTime from, OffsetDateTime to) {
		return this.store.findOwn(member.memberId(), from, to, 1000).as(this.transactions::transactional);
	}

	private Mono<Void> notifyListeners(CurrentMember member, ActivityView saved) {
		RecordedActivity recorded = new RecordedActivity(saved.id(), member.memberId(), saved.kind(), saved.slug(),
				saved.category(), saved.durationSeconds(), saved.completedAt(), saved.loggedAt());
		return Flux.fromIterable(this.listeners)
			.concatMap((listener) -> listener.activityRecorded(member, recorded))
			.then();
	}

	private Mono<ActivityView> replay(CurrentMember member, String key, String fingerprint) {
		return this.store.findKey(member.memberId(), key).flatMap((stored) -> {
			if (!stored.fingerprint().equals(fingerprint)) {
				return Mono.error(ApiException
					.unprocessable("Idempotency-Key was already used for a different request; use a new key."));
			}
			return this.store.findOwn(member.memberId(), stored.activityId());
		});
	}

	/** What reporting needs, and no more: no name or email. */
	private static ParticipationEvent.ActivityLogged event(CurrentMember member, ActivityView activity) {
		return new ParticipationEvent.ActivityLogged(activity.id(), member.memberId(), member.department(),
				member.location(), member.teams(), activity.kind(), activity.slug(), activity.category(),
				activity.durationSeconds(), activity.completedAt(), member.zone().getId());
	}

	/**
	 * An activity and whether this call wrote it (counted once committed) or replayed it.
	 */
	private record Outcome(ActivityView activity, boolean written) {
	}

}
