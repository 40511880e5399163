package dev.limber.app.database;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import dev.limber.kernel.database.DatabaseFailures;

/**
 * The database work of one HTTP request: which connections it holds right now, so that
 * their running statements can be cancelled on the server when the request goes away (the
 * client disconnected or the deadline passed), and one circuit breaker outcome for the
 * whole request, however many connections it used.
 */
final class DatabaseWork {

	private static final long DENIED = -1;

	private final Map<DatabaseCircuitBreaker, Long> permits = new ConcurrentHashMap<>();

	private final Set<Connection> held = ConcurrentHashMap.newKeySet();

	private final boolean tellsAboutTheDatabase;

	private volatile boolean committing;

	/**
	 * @param tellsAboutTheDatabase whether the outcome says something about the database;
	 * a report turned away because the reports' budget is spent does not
	 */
	DatabaseWork(boolean tellsAboutTheDatabase) {
		this.tellsAboutTheDatabase = tellsAboutTheDatabase;
	}

	static Context with(DatabaseWork work) {
		return Context.of(DatabaseWork.class, work);
	}

	static Optional<DatabaseWork> current(ContextView context) {
		return context.getOrEmpty(DatabaseWork.class);
	}

	/**
	 * Asks the breaker once per request; every later connection of the request gets the
	 * same answer.
	 */
	boolean permit(DatabaseCircuitBreaker breaker) {
		return this.permits.computeIfAbsent(breaker,
				(asked) -> asked.tryAcquirePermission() ? System.nanoTime() : DENIED) != DENIED;
	}

	Connection track(Connection connection) {
		this.held.add(connection);
		return new TrackedConnection(connection, () -> this.held.remove(connection), this::beganCommitting);
	}

	void beganCommitting() {
		this.committing = true;
	}

	/**
	 * Whether a transaction of the request has begun to commit: the work may be done, so
	 * its outcome must be the answer, not a 503 that a client would retry.
	 */
	boolean hasBegunCommitting() {
		return this.committing;
	}

	/**
	 * Asks PostgreSQL to cancel what the held connections are running; the transaction
	 * then rolls back and the connections go back to the pool ready for the next request.
	 */
	void cancelRunningStatements() {
		for (Connection connection : this.held) {
			postgres(connection).ifPresent((postgres) -> postgres.cancelRequest()
				.timeout(Duration.ofSeconds(2))
				.onErrorResume((ex) -> Mono.empty())
				.subscribe());
		}
	}

	void finished(Throwable failure) {
		if (!this.tellsAboutTheDatabase) {
			abandoned();
			return;
		}
		this.permits.forEach((breaker, start) -> {
			if (start == DENIED) {
				return;
			}
			if (failure != null && DatabaseFailures.isUnavailable(failure)) {
				breaker.failed(start, failure);
			}
			else {
				breaker.succeeded(start);
			}
		});
	}

	/**
	 * Neither success nor failure: the permit goes back (a half-open breaker lets the
	 * next one probe).
	 */
	void abandoned() {
		this.permits.forEach((breaker, start) -> {
			if (start != DENIED) {
				breaker.released();
			}
		});
	}

	private static Optional<PostgresqlConnection> postgres(Connection connection) {
		Object current = connection;
		while (current != null) {
			if (current instanceof PostgresqlConnection postgres) {
				return Optional.of(postgres);
			}
			current = (current instanceof Wrapped<?> wrapped) ? wrapped.unwrap() : null;
		}
		return Optional.empty();
	}

}
