package dev.limber.app.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.limber.kernel.database.ConnectionPatience;

/**
 * Hands out connections only while the circuit breaker lets work through. Inside an HTTP
 * request the whole request is one call of the breaker and its connections are tracked
 * ({@link DatabaseWork}); outside one (background work) each connection is a call. A
 * connection that did not come in time while PostgreSQL answered others
 * ({@link DatabaseAnswers}) fails as {@link ConnectionPoolBusyException}, which the
 * breaker does not count; work with {@link ConnectionPatience} then asks again.
 */
final class GuardedConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

	private final ConnectionFactory delegate;

	private final DatabaseCircuitBreaker breaker;

	private final DatabaseAnswers answers = new DatabaseAnswers();

	GuardedConnectionFactory(ConnectionFactory delegate, DatabaseCircuitBreaker breaker) {
		this.delegate = delegate;
		this.breaker = breaker;
	}

	@Override
	public Mono<Connection> create() {
		return Mono.deferContextual((context) -> DatabaseWork.current(context)
			.map(this::forRequest)
			.or(() -> ConnectionPatience.current(context).map(this::patiently))
			.orElseGet(this::outsideRequests));
	}

	/** Outside a request's work too: each try is a call of the breaker of its own. */
	private Mono<Connection> patiently(ConnectionPatience patience) {
		return Mono.defer(this::outsideRequests)
			.retryWhen(Retry.indefinitely()
				.filter((failure) -> failure instanceof ConnectionPoolBusyException && patience.lasts()));
	}

	private Mono<Connection> forRequest(DatabaseWork work) {
		if (!work.permit(this.breaker)) {
			return Mono.error(DatabaseCircuitBreaker.open());
		}
		return acquire().map(work::track);
	}

	private Mono<Connection> outsideRequests() {
		if (!this.breaker.tryAcquirePermission()) {
			return Mono.error(DatabaseCircuitBreaker.open());
		}
		long start = System.nanoTime();
		return acquire().doOnNext((connection) -> this.breaker.succeeded(start))
			.doOnError((ex) -> this.breaker.failed(start, ex))
			.doOnCancel(this.breaker::released);
	}

	private Mono<Connection> acquire() {
		return Mono.defer(() -> {
			long asked = System.nanoTime();
			return Mono.<Connection>from(this.delegate.create())
				.onErrorMap(R2dbcTimeoutException.class,
						(timeout) -> this.answers.answeredSince(asked) ? new ConnectionPoolBusyException(timeout)
								: timeout)
				.map(this.answers::noting);
		});
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.delegate;
	}

}
