package dev.limber.app.database;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import dev.limber.kernel.database.DatabaseFailures;
import dev.limber.kernel.database.DatabaseOutages;
import dev.limber.kernel.database.DatabaseUnavailableException;

/**
 * The circuit breaker toward one PostgreSQL (Resilience4j). When most recent database
 * work failed as unavailable, it opens: requests then fail in microseconds instead of
 * each waiting for a connection. After {@code openFor} the next request is let through as
 * a probe; when it succeeds, traffic is back. Its state and calls are on
 * {@code /actuator/prometheus} as {@code resilience4j_circuitbreaker_*}.
 */
final class DatabaseCircuitBreaker {

	private final CircuitBreaker breaker;

	/** What the latest failure was, for the one WARN line when the breaker opens. */
	private final AtomicReference<String> lastFailure = new AtomicReference<>("");

	DatabaseCircuitBreaker(String name, String database, DatabaseProperties.CircuitBreaker settings,
			DatabaseOutages outages, MeterRegistry meters) {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			// only an unavailable database opens it; a bug or a bad request says
			// nothing about it, and neither does a pool busy with work the database
			// answers
			.recordException(DatabaseFailures::isUnavailable)
			.ignoreException(ConnectionPoolBusyException::isCauseOf)
			.build());
		this.breaker = registry.circuitBreaker(name);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
		this.breaker.getEventPublisher().onStateTransition((event) -> {
			switch (event.getStateTransition().getToState()) {
				case OPEN -> outages.unreachable(database,
						"circuit breaker open at " + Math.round(this.breaker.getMetrics().getFailureRate())
								+ " % failed database work, latest: " + this.lastFailure.get());
				case CLOSED -> outages.reachable(database);
				default -> {
				}
			}
		});
	}

	boolean tryAcquirePermission() {
		return this.breaker.tryAcquirePermission();
	}

	void succeeded(long startNanos) {
		this.breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
	}

	void failed(long startNanos, Throwable failure) {
		if (DatabaseFailures.isUnavailable(failure) && !ConnectionPoolBusyException.isCauseOf(failure)) {
			this.lastFailure.set(DatabaseFailures.summary(failure));
		}
		this.breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, failure);
	}

	void released() {
		this.breaker.releasePermission();
	}

	static DatabaseUnavailableException open() {
		return new DatabaseUnavailableException("The circuit breaker toward PostgreSQL is open");
	}

}
