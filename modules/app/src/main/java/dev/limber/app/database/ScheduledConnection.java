package dev.limber.app.database;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.limber.kernel.database.DelegatingConnection;

/**
 * A connection whose results, rows and completions (commit, rollback, close) are all
 * signalled on {@code threads}, so whatever its user does next runs there.
 */
final class ScheduledConnection extends DelegatingConnection {

	private final Scheduler threads;

	ScheduledConnection(Connection delegate, Scheduler threads) {
		super(delegate);
		this.threads = threads;
	}

	@Override
	protected Publisher<Void> completion(Publisher<Void> done) {
		return Mono.from(done).publishOn(this.threads);
	}

	static Publisher<Result> results(Publisher<? extends Result> results, Scheduler threads) {
		return Flux.from(results).<Result>map((result) -> new ScheduledResult(result, threads)).publishOn(threads);
	}

	@Override
	public Statement createStatement(String sql) {
		return new ScheduledStatement(unwrap().createStatement(sql), this.threads);
	}

	@Override
	public Batch createBatch() {
		Batch batch = unwrap().createBatch();
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
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return Mono.from(unwrap().validate(depth)).publishOn(this.threads);
	}

}
