package dev.limber.app.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import dev.limber.kernel.database.DelegatingConnection;

/**
 * A connection that tells {@link DatabaseAnswers} whenever PostgreSQL answers one of its
 * statements (a result arrives, be it rows, a count or an error the server reported).
 */
final class AnswerNotingConnection extends DelegatingConnection {

	private final DatabaseAnswers answers;

	AnswerNotingConnection(Connection delegate, DatabaseAnswers answers) {
		super(delegate);
		this.answers = answers;
	}

	@Override
	public Statement createStatement(String sql) {
		return new NotingStatement(unwrap().createStatement(sql));
	}

	private final class NotingStatement implements Statement {

		private final Statement delegate;

		NotingStatement(Statement delegate) {
			this.delegate = delegate;
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
			return Flux.from(this.delegate.execute())
				.doOnNext((result) -> AnswerNotingConnection.this.answers.answered());
		}

	}

}
