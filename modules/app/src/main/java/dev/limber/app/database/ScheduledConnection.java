package dev.limber.app.database;

import java.time.Duration;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A connection whose results, rows and completions (commit, rollback, close) are all
 * signalled on {@code threads}, so whatever its user does next runs there.
 */
final class ScheduledConnection implements Connection, Wrapped<Connection> {

	private final Connection delegate;

	private final Scheduler threads;

	ScheduledConnection(Connection delegate, Scheduler threads) {
		this.delegate = delegate;
		this.threads = threads;
	}

	private Publisher<Void> on(Publisher<Void> done) {
		return Mono.from(done).publishOn(this.threads);
	}

	static Publisher<Result> results(Publisher<? extends Result> results, Scheduler threads) {
		return Flux.from(results).<Result>map((result) -> new ScheduledResult(result, threads)).publishOn(threads);
	}

	@Override
	public Connection unwrap() {
		return this.delegate;
	}

	@Override
	public Statement createStatement(String sql) {
		return new ScheduledStatement(this.delegate.createStatement(sql), this.threads);
	}

	@Override
	public Batch createBatch() {
		Batch batch = this.delegate.createBatch();
		return new Batch() {

			@Override
			public Batch add(String sql) {
				batch.add(sql);
				return this;
			}

			@Override
			public Publisher<? extends Result> execute() {
				return results(batch.execute(), ScheduledConnection.this.threads);
			}

		};
	}

	@Override
	public Publisher<Void> beginTransaction() {
		return on(this.delegate.beginTransaction());
	}

	@Override
	public Publisher<Void> beginTransaction(TransactionDefinition definition) {
		return on(this.delegate.beginTransaction(definition));
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return on(this.delegate.commitTransaction());
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		return on(this.delegate.rollbackTransaction());
	}

	@Override
	public Publisher<Void> close() {
		return on(this.delegate.close());
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return on(this.delegate.createSavepoint(name));
	}

	@Override
	public Publisher<Void> releaseSavepoint(String name) {
		return on(this.delegate.releaseSavepoint(name));
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return on(this.delegate.rollbackTransactionToSavepoint(name));
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return on(this.delegate.setAutoCommit(autoCommit));
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return on(this.delegate.setLockWaitTimeout(timeout));
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return on(this.delegate.setStatementTimeout(timeout));
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
		return on(this.delegate.setTransactionIsolationLevel(isolationLevel));
	}

	@Override
	public boolean isAutoCommit() {
		return this.delegate.isAutoCommit();
	}

	@Override
	public ConnectionMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public IsolationLevel getTransactionIsolationLevel() {
		return this.delegate.getTransactionIsolationLevel();
	}

	@Override
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return Mono.from(this.delegate.validate(depth)).publishOn(this.threads);
	}

}
