package dev.limber.app.database;

import io.r2dbc.spi.R2dbcTransientResourceException;

/**
 * No pooled connection came within the acquire timeout, while PostgreSQL kept answering
 * the statements of the connections in use: the pool is busy with live work, and the
 * database is fine. The request answers 503 with {@code Retry-After} like any other that
 * found the database unavailable, but the circuit breaker does not count it: a burst of
 * requests larger than the pool must not turn everyone away.
 */
final class ConnectionPoolBusyException extends R2dbcTransientResourceException {

	/**
	 * Without the timeout as its cause: the log's one line per 503 names the innermost
	 * cause, which would then read the same as a database that stopped answering.
	 */
	ConnectionPoolBusyException(Throwable acquireTimeout) {
		super("Every pooled connection is in use (PostgreSQL is answering them): " + acquireTimeout.getMessage());
	}

	static boolean isCauseOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof ConnectionPoolBusyException) {
				return true;
			}
		}
		return false;
	}

}
