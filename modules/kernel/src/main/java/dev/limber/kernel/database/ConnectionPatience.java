package dev.limber.kernel.database;

import java.time.Duration;
import java.util.Optional;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Database work that keeps its place in the queue for pooled connections while the pool
 * is busy with live work (PostgreSQL answering the connections in use), until a deadline,
 * instead of failing at the first acquire timeout. For work that no client can retry: an
 * event stream (a browser's {@code EventSource} gives up for good on a 503) and a read
 * shared by many readers (one busy moment would fail them all). A database that stops
 * answering still fails it at the first acquire timeout. Carried in the Reactor context.
 */
public final class ConnectionPatience {

	private final long untilNanos;

	private ConnectionPatience(Duration patience) {
		this.untilNanos = System.nanoTime() + patience.toNanos();
	}

	/** Patience from now on, for {@code patience}. */
	public static Context lasting(Duration patience) {
		return Context.of(ConnectionPatience.class, new ConnectionPatience(patience));
	}

	public static Optional<ConnectionPatience> current(ContextView context) {
		return context.getOrEmpty(ConnectionPatience.class);
	}

	/** Whether work turned away by a busy pool may still ask again. */
	public boolean lasts() {
		return System.nanoTime() - this.untilNanos < 0;
	}

}
