package dev.limber.app.database;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A result whose rows and counts are signalled on {@code threads}: the driver only
 * decodes a row, everything done with it afterwards runs there (see
 * {@link ScheduledConnection}).
 */
final class ScheduledResult implements Result {

	private final Result delegate;

	private final Scheduler threads;

	ScheduledResult(Result delegate, Scheduler threads) {
		this.delegate = delegate;
		this.threads = threads;
	}

	@Override
	public Publisher<Long> getRowsUpdated() {
		return Mono.from(this.delegate.getRowsUpdated()).publishOn(this.threads);
	}

	@Override
	public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
		return Flux.<T>from(this.delegate.map(mapping)).publishOn(this.threads);
	}

	@Override
	public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
		return Flux.<T>from(this.delegate.map(mapping)).publishOn(this.threads);
	}

	@Override
	public Result filter(Predicate<Segment> filter) {
		return new ScheduledResult(this.delegate.filter(filter), this.threads);
	}

	@Override
	public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
		return Flux.<T>from(this.delegate.flatMap(mapping)).publishOn(this.threads);
	}

}
