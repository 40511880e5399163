package dev.limber.reporting.release;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.database.DatabaseFailures;
import dev.limber.kernel.database.Workload;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

/**
 * Builds release tables outside of any request. A build runs on the background connection
 * budget, one transaction per period (so whatever finished stays finished), with a
 * statement timeout of its own: at tens of thousands of members a week takes seconds,
 * which no request deadline should have to cover. Requests for the same organization
 * share the build in flight, and one that cannot wait for it shows the periods still
 * being built as not released yet.
 */
@Component
class ReleaseBuilds {

	private static final Log logger = LogFactory.getLog(ReleaseBuilds.class);

	private final ReleaseTables tables;

	private final TransactionalOperator transactions;

	private final Duration statementTimeout;

	private final Map<TenantId, Mono<Void>> inFlight = new ConcurrentHashMap<>();

	private final Timer periodBuilds;

	ReleaseBuilds(ReleaseTables tables, TransactionalOperator transactions, MeterRegistry meters,
			@Value("${limber.reporting.release.build-statement-timeout:5m}") Duration statementTimeout) {
		this.tables = tables;
		this.transactions = transactions;
		this.statementTimeout = statementTimeout;
		this.periodBuilds = Timer.builder("limber.reporting.release.builds")
			.description("Closed periods whose release tables were built (frozen and counted)")
			.register(meters);
	}

	/**
	 * Starts building whatever of these closed periods is missing, unless a build of this
	 * organization is running already, and completes when it has finished. Cancelling the
	 * returned {@code Mono} (a request that stops waiting) does not stop the build.
	 */
	Mono<Void> build(TenantId tenant, String unit, List<LocalDate> closed, int k) {
		if (closed.isEmpty()) {
			return Mono.empty();
		}
		Set<Period> periods = periods(unit, closed);
		// usually all is built: one look, and no build started
		return missing(tenant, periods).flatMap((missing) -> missing.isEmpty() ? Mono.empty()
				: running(tenant, periods, k)
					// the build that was running may have been another request's,
					// for other periods
					.then(Mono.defer(() -> build(tenant, unit, closed, k))));
	}

	private Mono<List<Period>> missing(TenantId tenant, Set<Period> periods) {
		return this.tables.missing(periods)
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant))
			.contextWrite(Workload.BACKGROUND.asContext());
	}

	private Mono<Void> running(TenantId tenant, Set<Period> periods, int k) {
		Mono<Void> fresh = Mono.defer(() -> this.tables.missing(periods).as(this.transactions::transactional))
			.flatMapMany(Flux::fromIterable)
			.concatMap((period) -> buildOne(period, k))
			.then()
			.contextWrite(TenantContext.with(tenant))
			.contextWrite(Workload.BACKGROUND.asContext())
			.cache();
		Mono<Void> existing = this.inFlight.putIfAbsent(tenant, fresh);
		if (existing != null) {
			return existing;
		}
		// subscribed here, with none of the request's context, so the build
		// outlives the request
		fresh.doFinally((signal) -> this.inFlight.remove(tenant, fresh)).subscribe(null, (ex) -> {
			if (!DatabaseFailures.isUnavailable(ex)) {
				logger.warn("Building the release tables of organization " + tenant.value() + " failed", ex);
			}
		});
		return fresh;
	}

	private Mono<Void> buildOne(Period period, int k) {
		long started = System.nanoTime();
		return this.tables.setStatementTimeout(this.statementTimeout)
			.then(this.tables.buildIfMissing(period.unit(), period.start(), k))
			.as(this.transactions::transactional)
			.doOnSuccess((done) -> this.periodBuilds.record(Duration.ofNanos(System.nanoTime() - started)));
	}

	/**
	 * The periods a report over {@code closed} reads: a month needs its weeks as well.
	 */
	static Set<Period> periods(String unit, List<LocalDate> closed) {
		Set<Period> needed = new LinkedHashSet<>();
		for (LocalDate start : closed) {
			if (unit.equals("month")) {
				ReleaseCalendar.weeks(start).forEach((week) -> needed.add(new Period("week", week)));
			}
			needed.add(new Period(unit, start));
		}
		return needed;
	}

	record Period(String unit, LocalDate start) {
	}

}
