package dev.limber.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecorderTests {

	@Test
	void percentilesAreNearestRankOverSuccessfulRequests() {
		Recorder recorder = openWindow();
		for (int millis = 1; millis <= 100; millis++) {
			recorder.record(millis, true);
		}
		recorder.record(5_000, false);
		assertThat(recorder.percentile(50)).isEqualTo(50);
		assertThat(recorder.percentile(95)).isEqualTo(95);
		assertThat(recorder.percentile(99)).isEqualTo(99);
		assertThat(recorder.ok()).isEqualTo(100);
		assertThat(recorder.errors()).isEqualTo(1);
	}

	@Test
	void requestsOutsideTheWindowAreNotCounted() {
		Recorder recorder = new Recorder();
		long now = System.currentTimeMillis();
		recorder.window(now + 60_000, now + 120_000);
		recorder.record(10, true);
		recorder.record(10, false);
		assertThat(recorder.ok()).isZero();
		assertThat(recorder.errors()).isZero();
		assertThat(recorder.percentile(99)).isZero();
	}

	private static Recorder openWindow() {
		Recorder recorder = new Recorder();
		long now = System.currentTimeMillis();
		recorder.window(now - 1_000, now + 60_000);
		return recorder;
	}

}
