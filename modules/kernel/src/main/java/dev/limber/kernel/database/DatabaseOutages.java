package dev.limber.kernel.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * What the log says about the database being away: one WARN when it becomes unreachable,
 * one INFO when it is back with the number of requests answered 503 in between, and
 * nothing per request meanwhile. A single unavailable request while the database is
 * otherwise fine (a statement timeout, say) gets one line, never a stack trace.
 */
@Component
public class DatabaseOutages {

	private static final Log logger = LogFactory.getLog(DatabaseOutages.class);

	private final AtomicReference<Long> unreachableSince = new AtomicReference<>();

	private final AtomicLong failedRequests = new AtomicLong();

	/** A request answered 503 because the database was unavailable. */
	public void requestFailed(String requestId, Throwable failure) {
		this.failedRequests.incrementAndGet();
		if (this.unreachableSince.get() == null && logger.isWarnEnabled()) {
			logger.warn("Request " + requestId + " answered 503, database unavailable: "
					+ DatabaseFailures.summary(failure));
		}
	}

	/** The circuit breaker opened: requests fail fast from now on. */
	public void unreachable(String database, String reason) {
		if (this.unreachableSince.compareAndSet(null, System.nanoTime())) {
			logger.warn(database + " is unreachable (" + reason + "); requests answer 503 with Retry-After "
					+ "until it is back");
		}
	}

	/** The circuit breaker closed again after a successful probe. */
	public void reachable(String database) {
		Long since = this.unreachableSince.getAndSet(null);
		if (since != null) {
			Duration away = Duration.ofNanos(System.nanoTime() - since);
			logger.info(database + " is reachable again after " + String.format("%.1f", away.toMillis() / 1000.0)
					+ " s; " + this.failedRequests.getAndSet(0) + " request(s) answered 503 meanwhile");
		}
		else {
			this.failedRequests.set(0);
		}
	}

}
