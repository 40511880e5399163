package dev.limber.notifications.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.RepeatedWork;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;

/**
 * Sends what the outbox holds. Per tenant it claims a batch (one short transaction, rows
 * other workers are claiming are skipped), sends each message outside any transaction,
 * then records the outcome only while it still holds the claim. Any number of instances
 * can run it; a message is sent again only when a worker died between sending and
 * recording, and receivers get the message id to recognise that.
 */
@Component
public class OutboxWorker implements DisposableBean {

	private static final Log logger = LogFactory.getLog(OutboxWorker.class);

	private final OutboxStore store;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final DeliveryPolicy policy;

	private final TransactionalOperator transactions;

	private final OutboxMetrics metrics;

	private final Clock clock;

	private final NotificationProperties.Worker settings;

	private final Backoff backoff;

	private Disposable loop;

	OutboxWorker(OutboxStore store, List<ChannelSender> senders, DeliveryPolicy policy,
			TransactionalOperator transactions, OutboxMetrics metrics, Clock clock, NotificationProperties properties) {
		this.store = store;
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.policy = policy;
		this.transactions = transactions;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = properties.worker();
		this.backoff = new Backoff(this.settings.backoff(), this.settings.maxBackoff(), this.settings.maxAttempts());
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.settings.enabled()) {
			return;
		}
		Duration every = this.settings.pollInterval();
		this.loop = RepeatedWork.every(every, every, this::drain, logger, "Notification delivery failed; retrying");
	}

	@Override
	public void destroy() {
		if (this.loop != null) {
			this.loop.dispose();
		}
	}

	/**
	 * One round: every tenant's due messages, one batch each; emits how many were
	 * handled.
	 */
	public Mono<Integer> drain() {
		Instant now = now();
		// the tenant list is read completely before any batch starts
		return this.store.dueTenants(now)
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap(this::drainTenant)
			.reduce(0, Integer::sum)
			.flatMap(
					(handled) -> this.store.lag(now()).collectList().doOnNext(this.metrics::queue).thenReturn(handled));
	}

	private Mono<Integer> drainTenant(TenantId tenant) {
		Instant now = now();
		return this.store.claim(tenant, now, now.plus(this.settings.lease()), this.settings.batch())
			.collectList()
			.as(this.transactions::transactional)
			.flatMapMany(Flux::fromIterable)
			.flatMap(this::deliver, 4)
			.count()
			.map(Long::intValue)
			.contextWrite(TenantContext.with(tenant));
	}

	private Mono<Void> deliver(OutboxMessage message) {
		return this.policy.check(message, now())
			.flatMap((verdict) -> verdict.map(Mono::just).orElseGet(() -> send(message)))
			.onErrorResume((ex) -> Mono.just(Delivery.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage())))
			.flatMap((delivery) -> record(message, delivery).as(this.transactions::transactional));
	}

	private Mono<Delivery> send(OutboxMessage message) {
		ChannelSender sender = this.senders.get(message.channel());
		if (sender == null) {
			return Mono.just(Delivery.permanent("No sender for " + message.channel().key()));
		}
		return sender.send(message);
	}

	/**
	 * Records the outcome; a worker whose claim ran out (another took over) records
	 * nothing.
	 */
	private Mono<Void> record(OutboxMessage message, Delivery delivery) {
		Instant now = now();
		Channel channel = message.channel();
		if (delivery instanceof Delivery.Sent) {
			return this.store.finish(message, "sent", now, null)
				.filter(Boolean::booleanValue)
				.doOnNext((done) -> this.metrics.sent(channel))
				.then();
		}
		if (delivery instanceof Delivery.Dropped dropped) {
			return this.store.finish(message, "dropped", now, dropped.reason())
				.filter(Boolean::booleanValue)
				.doOnNext((done) -> this.metrics.dropped(channel))
				.then();
		}
		if (delivery instanceof Delivery.Deferred deferred) {
			return this.store.reschedule(message, deferred.until(), null, false).then();
		}
		if (delivery instanceof Delivery.Retry retry && !this.backoff.exhausted(message.attempts())) {
			return this.store
				.reschedule(message, now.plus(this.backoff.after(message.attempts())), retry.reason(), true)
				.filter(Boolean::booleanValue)
				.doOnNext((done) -> this.metrics.retried(channel))
				.then();
		}
		String reason = (delivery instanceof Delivery.Retry retry) ? retry.reason()
				: ((Delivery.Permanent) delivery).reason();
		return fail(message, now, reason);
	}

	private Mono<Void> fail(OutboxMessage message, Instant now, String reason) {
		logger.info("Notification " + message.id() + " (" + message.channel().key() + ", " + message.kind()
				+ ") failed for good after " + message.attempts() + " attempt(s): " + reason);
		return this.store.finish(message, "failed", now, reason)
			.filter(Boolean::booleanValue)
			.doOnNext((done) -> this.metrics.failed(message.channel()))
			.then();
	}

	/** As precise as the database keeps time, so a lease read back compares equal. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
