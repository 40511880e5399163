package dev.limber.app.database;

import io.r2dbc.spi.Connection;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import dev.limber.kernel.database.DelegatingConnection;

/**
 * A pooled connection that tells its request when it is given back, so that the request
 * never cancels a statement of the connection's next borrower, and when it begins to
 * commit, so that the deadline does not answer 503 for work that may be done.
 */
final class TrackedConnection extends DelegatingConnection {

	private final Runnable released;

	private final Runnable committing;

	TrackedConnection(Connection delegate, Runnable released, Runnable committing) {
		super(delegate);
		this.released = released;
		this.committing = committing;
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return Mono.fromRunnable(this.committing).then(Mono.from(unwrap().commitTransaction()));
	}

	@Override
	public Publisher<Void> close() {
		return Mono.fromRunnable(this.released).then(Mono.from(unwrap().close()));
	}

}
