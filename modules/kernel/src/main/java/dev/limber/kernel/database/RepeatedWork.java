package dev.limber.kernel.database;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Database work repeated in the background at a fixed rate, one run at a time (a run that
 * takes longer than the period skips the ticks it overlaps). A failed run is logged and
 * the next tick tries again; an unreachable database is not logged here, since
 * {@link DatabaseOutages} logs the outage once.
 */
public final class RepeatedWork {

	private RepeatedWork() {
	}

	/** Starts the runs; dispose the result to stop them. */
	public static Disposable every(Duration initialDelay, Duration period, Supplier<Mono<?>> run, Log logger,
			String failure) {
		return Flux.interval(initialDelay, period)
			.onBackpressureDrop()
			.concatMap((tick) -> run.get().then().onErrorResume((ex) -> {
				if (!DatabaseFailures.isUnavailable(ex)) {
					logger.warn(failure, ex);
				}
				return Mono.empty();
			}), 1)
			.subscribe();
	}

}
