package dev.limber.app.database;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;

/**
 * A statement whose results are signalled on {@code threads} (see
 * {@link ScheduledConnection}).
 */
final class ScheduledStatement implements Statement {

	private final Statement delegate;

	private final Scheduler threads;

	ScheduledStatement(Statement delegate, Scheduler threads) {
		this.delegate = delegate;
		this.threads = threads;
	}

	@Override
	public Statement add() {
		this.delegate.add();
		return this;
	}

	@Override
	public Statement bind(int index, Object value) {
		this.delegate.bind(index, value);
		return this;
	}

	@Override
	public Statement bind(String name, Object value) {
		this.delegate.bind(name, value);
		return this;
	}

	@Override
	public Statement bindNull(int index, Class<?> type) {
		this.delegate.bindNull(index, type);
		return this;
	}

	@Override
	public Statement bindNull(String name, Class<?> type) {
		this.delegate.bindNull(name, type);
		return this;
	}

	@Override
	public Statement returnGeneratedValues(String... columns) {
		this.delegate.returnGeneratedValues(columns);
		return this;
	}

	@Override
	public Statement fetchSize(int rows) {
		this.delegate.fetchSize(rows);
		return this;
	}

	@Override
	public Publisher<? extends Result> execute() {
		return ScheduledConnection.results(this.delegate.execute(), this.threads);
	}

}
