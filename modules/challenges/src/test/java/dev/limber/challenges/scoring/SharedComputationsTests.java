package dev.limber.challenges.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A computation is a snapshot of a counter ("what is committed") taken when it starts;
 * each computation waits for the test to release it.
 */
class SharedComputationsTests {

	final SharedComputations<String, Integer> computations = new SharedComputations<>();

	final AtomicInteger committed = new AtomicInteger();

	final AtomicInteger started = new AtomicInteger();

	final List<Sinks.One<Integer>> running = new ArrayList<>();

	Mono<Integer> snapshot() {
		this.started.incrementAndGet();
		int seen = this.committed.get();
		Sinks.One<Integer> release = Sinks.one();
		this.running.add(release);
		return release.asMono().map((ignored) -> seen);
	}

	void finishComputation(int index) {
		this.running.get(index).tryEmitValue(0);
	}

	@Test
	void readersArrivingDuringAComputationShareTheNextOne() {
		List<Integer> answers = new ArrayList<>();
		this.computations.get("c", this::snapshot).subscribe(answers::add);
		for (int reader = 0; reader < 10; reader++) {
			this.computations.get("c", this::snapshot).subscribe(answers::add);
		}
		assertThat(this.started).hasValue(1);
		finishComputation(0);
		assertThat(this.started).as("one more computation for the ten who waited").hasValue(2);
		finishComputation(1);
		assertThat(answers).hasSize(11);
		assertThat(this.started).hasValue(2);
	}

	@Test
	void aReaderNeverGetsAComputationThatStartedBeforeItArrived() {
		List<Integer> first = new ArrayList<>();
		List<Integer> afterWrite = new ArrayList<>();
		this.computations.get("c", this::snapshot).subscribe(first::add);
		this.committed.set(1);
		this.computations.get("c", this::snapshot).subscribe(afterWrite::add);
		finishComputation(0);
		finishComputation(1);
		assertThat(first).containsExactly(0);
		assertThat(afterWrite).as("the write committed before this reader came is in its answer").containsExactly(1);
	}

	@Test
	void keysDoNotShare() {
		this.computations.get("a", this::snapshot).subscribe();
		this.computations.get("b", this::snapshot).subscribe();
		assertThat(this.started).hasValue(2);
	}

	@Test
	void aFailedComputationFailsItsReadersOnlyAndTheNextOneRuns() {
		List<Throwable> failures = new ArrayList<>();
		List<Integer> answers = new ArrayList<>();
		this.computations.get("c", () -> Mono.<Integer>error(new IllegalStateException("down")))
			.subscribe(answers::add, failures::add);
		this.computations.get("c", this::snapshot).subscribe(answers::add, failures::add);
		finishComputation(0);
		assertThat(failures).hasSize(1);
		assertThat(answers).containsExactly(0);
	}

	@Test
	void theComputationDoesNotRunInAReadersContext() {
		List<Boolean> sawReader = new ArrayList<>();
		this.computations.get("c", () -> Mono.deferContextual((context) -> Mono.just(context.hasKey("reader") ? 1 : 0)))
			.contextWrite(Context.of("reader", "alex"))
			.subscribe((seen) -> sawReader.add(seen == 1));
		assertThat(sawReader).containsExactly(false);
	}

}
