package dev.limber.kernel.database;

/**
 * The database cannot be used right now: the circuit breaker toward it is open, or the
 * request's deadline passed while it waited for the database. Answered with 503 and
 * {@code Retry-After}, like every other {@link DatabaseFailures#isUnavailable
 * unavailable} condition.
 */
public class DatabaseUnavailableException extends RuntimeException {

	public DatabaseUnavailableException(String message) {
		// no stack trace: it is a known condition, raised once per request
		// during an outage
		super(message, null, false, false);
	}

}
