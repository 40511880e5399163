package dev.limber.app.database;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;

import dev.limber.kernel.database.DelegatingStatement;

/**
 * A statement whose results are signalled on {@code threads} (see
 * {@link ScheduledConnection}).
 */
final class ScheduledStatement extends DelegatingStatement {

	private final Scheduler threads;

	ScheduledStatement(Statement delegate, Scheduler threads) {
		super(delegate);
		this.threads = threads;
	}

	@Override
	public Publisher<? extends Result> execute() {
		return ScheduledConnection.results(executeDelegate(), this.threads);
	}

}
