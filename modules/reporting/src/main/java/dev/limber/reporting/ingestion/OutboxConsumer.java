package dev.limber.reporting.ingestion;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.RepeatedWork;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationOutbox;
import dev.limber.programs.ParticipationOutbox.Entry;

/**
 * Drains the participation outbox into the rollups. Each batch is one transaction per
 * tenant: lock events (skipping those another instance holds), apply them, delete them,
 * commit. A crash anywhere rolls the whole batch back, so nothing is lost or counted
 * twice, and any number of instances can run this at once.
 */
@Component
public class OutboxConsumer implements DisposableBean {

	private static final Log logger = LogFactory.getLog(OutboxConsumer.class);

	static final int BATCH = 500;

	private final ParticipationOutbox outbox;

	private final RollupWriter rollups;

	private final Pseudonyms pseudonyms;

	private final TransactionalOperator transactions;

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong lagMillis = new AtomicLong();

	private final Counter applied;

	private final boolean enabled;

	private Disposable loop;

	OutboxConsumer(ParticipationOutbox outbox, RollupWriter rollups, Pseudonyms pseudonyms,
			TransactionalOperator transactions, MeterRegistry meters,
			@Value("${limber.reporting.ingestion.enabled:true}") boolean enabled) {
		this.enabled = enabled;
		this.outbox = outbox;
		this.rollups = rollups;
		this.pseudonyms = pseudonyms;
		this.transactions = transactions;
		Gauge.builder("limber.reporting.outbox.pending", this.pending, AtomicLong::get)
			.description("Participation events not yet in the reporting rollups")
			.register(meters);
		Gauge.builder("limber.reporting.outbox.lag", this.lagMillis, (lag) -> lag.get() / 1000.0)
			.baseUnit("seconds")
			.description("Age of the oldest participation event not yet in the rollups")
			.register(meters);
		this.applied = Counter.builder("limber.reporting.outbox.applied")
			.description("Participation events this instance added to the rollups (committed)")
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.enabled) {
			return;
		}
		this.loop = RepeatedWork.every(Duration.ofMillis(500), Duration.ofMillis(500), () -> drain().then(measure()),
				logger, "Reporting ingestion failed; retrying");
	}

	@Override
	public void destroy() {
		if (this.loop != null) {
			this.loop.dispose();
		}
	}

	/**
	 * Applies everything waiting, tenant by tenant; emits how many events were applied.
	 */
	public Mono<Long> drain() {
		// Read the whole tenant list first, so its query is finished before
		// the batches start.
		return this.outbox.tenantsWithEvents()
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap((tenant) -> drainTenant(tenant, (event) -> false))
			.reduce(0L, Long::sum);
	}

	/**
	 * Applies the current batches of one tenant. {@code failBefore} lets tests make a
	 * batch fail part-way, as a crash would.
	 */
	public Mono<Long> drainTenant(TenantId tenant, Predicate<Entry> failBefore) {
		return batch(tenant, failBefore)
			.expand((applied) -> (applied == BATCH) ? batch(tenant, failBefore) : Mono.empty())
			.reduce(0L, Long::sum);
	}

	private Mono<Long> batch(TenantId tenant, Predicate<Entry> failBefore) {
		return this.pseudonyms.key(tenant)
			// Read the locked batch completely before writing on the same connection.
			.flatMap((key) -> this.outbox.lock(BATCH)
				.collectList()
				.flatMap((events) -> injectedFailure(events, failBefore).then(this.rollups.apply(events, key))
					.then(this.outbox.remove(events.stream().map(Entry::id).toList()))
					.thenReturn((long) events.size())))
			.as(this.transactions::transactional)
			.doOnNext(this.applied::increment)
			.contextWrite(TenantContext.with(tenant));
	}

	/** Fails the batch when a test asks for it; the rollups then must show none of it. */
	private static Mono<Void> injectedFailure(List<Entry> events, Predicate<Entry> failBefore) {
		return Flux.fromIterable(events)
			.filter(failBefore)
			.next()
			.flatMap((event) -> Mono.error(new IllegalStateException("Injected failure before event " + event.id())));
	}

	private Mono<Void> measure() {
		return this.outbox.lag().doOnNext((lag) -> {
			this.pending.set(lag.pending());
			this.lagMillis.set((long) (lag.oldestSeconds() * 1000));
		}).then();
	}

}
