package dev.limber.kernel.database;

import java.time.Duration;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;

/**
 * A connection that passes everything to another; a subclass overrides what it changes.
 * Every completion (transaction steps, savepoints, settings, close) goes through
 * {@link #completion(Publisher)}, so one override can change them all.
 */
public abstract class DelegatingConnection implements Connection, Wrapped<Connection> {

	private final Connection delegate;

	protected DelegatingConnection(Connection delegate) {
		this.delegate = delegate;
	}

	/**
	 * What a caller gets for a completion of the wrapped connection; as it is by default.
	 */
	protected Publisher<Void> completion(Publisher<Void> done) {
		return done;
	}

	@Override
	public Connection unwrap() {
		return this.delegate;
	}

	@Override
	public Statement createStatement(String sql) {
		return this.delegate.createStatement(sql);
	}

	@Override
	public Batch createBatch() {
		return this.delegate.createBatch();
	}

	@Override
	public Publisher<Void> beginTransaction() {
		return completion(this.delegate.beginTransaction());
	}

	@Override
	public Publisher<Void> beginTransaction(TransactionDefinition definition) {
		return completion(this.delegate.beginTransaction(definition));
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return completion(this.delegate.commitTransaction());
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		return completion(this.delegate.rollbackTransaction());
	}

	@Override
	public Publisher<Void> close() {
		return completion(this.delegate.close());
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return completion(this.delegate.createSavepoint(name));
	}

	@Override
	public Publisher<Void> releaseSavepoint(String name) {
		return completion(this.delegate.releaseSavepoint(name));
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return completion(this.delegate.rollbackTransactionToSavepoint(name));
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return completion(this.delegate.setAutoCommit(autoCommit));
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return completion(this.delegate.setLockWaitTimeout(timeout));
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return completion(this.delegate.setStatementTimeout(timeout));
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
		return completion(this.delegate.setTransactionIsolationLevel(isolationLevel));
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
		return this.delegate.validate(depth);
	}

}
