package dev.limber.app.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Connections of the reports' pool whose every answer arrives on the reports' own threads
 * ({@link ReportThreads}). What a report does with its rows (aggregating, rendering,
 * writing CSV) then runs there, not on the driver's event loops, which also carry the
 * employees' connections: a heavy report can slow other reports, never an employee's
 * write.
 */
final class ReportConnections implements ConnectionFactory, Wrapped<ConnectionFactory> {

	private final ConnectionFactory pool;

	private final Scheduler threads;

	ReportConnections(ConnectionFactory pool, ReportThreads threads) {
		this.pool = pool;
		this.threads = threads.scheduler();
	}

	@Override
	public Mono<Connection> create() {
		return Mono.from(this.pool.create())
			.<Connection>map((connection) -> new ScheduledConnection(connection, this.threads))
			.publishOn(this.threads);
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.pool.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.pool;
	}

}
