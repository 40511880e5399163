package dev.limber.kernel.database;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

/**
 * Tells "the database is not there or not answering in time" apart from a bug: such a
 * failure is worth retrying later (503 with {@code Retry-After}), and nothing was
 * committed by the request it ended.
 */
public final class DatabaseFailures {

	/**
	 * SQLSTATEs that mean unavailable besides the classes 08 (connection) and 53
	 * (insufficient resources, such as too many connections): lock or statement timeout,
	 * administrator or crash shutdown, the server starting up, an I/O error, and a
	 * read-only server (a primary that became a standby after a failover).
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("55P03", "57014", "57P01", "57P02", "57P03", "58030",
			"25006");

	private DatabaseFailures() {
	}

	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (isUnavailableItself(cause)) {
				return true;
			}
		}
		return false;
	}

	/** One line for the log: what the database said, without a stack trace. */
	public static String summary(Throwable failure) {
		Throwable innermost = failure;
		while (innermost.getCause() != null && innermost.getCause() != innermost) {
			innermost = innermost.getCause();
		}
		String state = (innermost instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null)
				? " [" + r2dbc.getSqlState() + "]" : "";
		String message = String.valueOf(innermost.getMessage());
		return innermost.getClass().getSimpleName() + state + ": "
				+ ((message.length() > 200) ? message.substring(0, 200) + "..." : message);
	}

	private static boolean isUnavailableItself(Throwable cause) {
		if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
			String state = r2dbc.getSqlState();
			return UNAVAILABLE_STATES.contains(state) || state.startsWith("08") || state.startsWith("53");
		}
		return cause instanceof DatabaseUnavailableException || cause instanceof R2dbcNonTransientResourceException
				|| cause instanceof R2dbcTransientResourceException || cause instanceof R2dbcTimeoutException
				|| cause instanceof ConnectException || cause instanceof ClosedChannelException
				|| cause instanceof TimeoutException || isConnectionIo(cause);
	}

	/**
	 * A connection reset or closed under the driver (Netty reports these as plain I/O
	 * errors).
	 */
	private static boolean isConnectionIo(Throwable cause) {
		return cause instanceof IOException && cause.getClass().getName().startsWith("io.netty.");
	}

}
