package dev.limber.kernel.database;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;

/**
 * A statement that passes everything to another and returns itself from every builder
 * step; a subclass changes what {@link #execute()} answers.
 */
public abstract class DelegatingStatement implements Statement {

	private final Statement delegate;

	protected DelegatingStatement(Statement delegate) {
		this.delegate = delegate;
	}

	/** What the wrapped statement answers; a subclass wraps it. */
	protected Publisher<? extends Result> executeDelegate() {
		return this.delegate.execute();
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

}
