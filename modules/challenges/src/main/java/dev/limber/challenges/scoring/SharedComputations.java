package dev.limber.challenges.scoring;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Lets concurrent reads of the same key share computations without ever answering with a
 * stale one. A read that arrives while a computation runs does not join it (it may have
 * started before the reader's own write committed) but waits for the next one, which
 * starts when the running one ends and serves every read that arrived in the meantime. So
 * however many read at once, a key costs at most one computation at a time, and each read
 * still sees everything committed before it arrived.
 */
final class SharedComputations<K, V> {

	private final ConcurrentMap<K, Computation<V>> queued = new ConcurrentHashMap<>();

	Mono<V> get(K key, Supplier<Mono<V>> work) {
		return Mono.defer(() -> this.queued.compute(key, (ignored, last) -> (last == null || last.started)
				? new Computation<>(last, work, (done) -> this.queued.remove(key, done)) : last).result);
	}

	private static final class Computation<V> {

		private volatile boolean started;

		private final Mono<V> result;

		Computation(Computation<V> previous, Supplier<Mono<V>> work, Consumer<Computation<V>> onDone) {
			Mono<Void> turn = (previous != null) ? previous.result.onErrorResume((ex) -> Mono.empty()).then()
					: Mono.empty();
			this.result = turn.then(Mono.defer(() -> {
				this.started = true;
				// shared by many readers, so it runs in none of theirs
				// (no reader's transaction)
				return work.get().contextWrite((readers) -> Context.empty());
			})).doFinally((signal) -> onDone.accept(this)).cache();
		}

	}

}
