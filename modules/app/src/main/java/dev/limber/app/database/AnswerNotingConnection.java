package dev.limber.app.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import dev.limber.kernel.database.DelegatingConnection;
import dev.limber.kernel.database.DelegatingStatement;

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

	private final class NotingStatement extends DelegatingStatement {

		NotingStatement(Statement delegate) {
			super(delegate);
		}

		@Override
		public Publisher<? extends Result> execute() {
			return Flux.from(executeDelegate()).doOnNext((result) -> AnswerNotingConnection.this.answers.answered());
		}

	}

}
