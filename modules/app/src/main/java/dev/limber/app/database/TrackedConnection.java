package dev.limber.app.database;

import io.r2dbc.spi.Connection;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import dev.limber.kernel.database.DelegatingConnection;

/**
 * A pooled connection that tells its request when it is given back, so that the request
 * never cancels a statement of the connection's next borrower.
 */
final class TrackedConnection extends DelegatingConnection {

	private final Runnable released;

	TrackedConnection(Connection delegate, Runnable released) {
		super(delegate);
		this.released = released;
	}

	@Override
	public Publisher<Void> close() {
		return Mono.fromRunnable(this.released).then(Mono.from(unwrap().close()));
	}

}
