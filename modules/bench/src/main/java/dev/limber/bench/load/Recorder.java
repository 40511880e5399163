package dev.limber.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Response times (as Gatling measured them, in milliseconds) and outcomes of the requests
 * that completed inside the measured window; warm-up requests are not counted.
 */
public final class Recorder {

	private static final int MAX_MILLIS = 60_000;

	private final AtomicLongArray histogram = new AtomicLongArray(MAX_MILLIS + 1);

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private volatile long windowStart = Long.MAX_VALUE;

	private volatile long windowEnd = Long.MAX_VALUE;

	public void window(long startMillis, long endMillis) {
		this.windowStart = startMillis;
		this.windowEnd = endMillis;
	}

	public void record(long responseMillis, boolean success) {
		long now = System.currentTimeMillis();
		if (now < this.windowStart || now >= this.windowEnd) {
			return;
		}
		if (!success) {
			this.errors.incrementAndGet();
			return;
		}
		this.ok.incrementAndGet();
		this.histogram.incrementAndGet((int) Math.min(Math.max(responseMillis, 0), MAX_MILLIS));
	}

	public long ok() {
		return this.ok.get();
	}

	public long errors() {
		return this.errors.get();
	}

	/** The response time below which {@code percent} of successful requests completed. */
	public long percentile(double percent) {
		long total = this.ok.get();
		if (total == 0) {
			return 0;
		}
		long rank = (long) Math.ceil(total * percent / 100.0);
		long seen = 0;
		for (int millis = 0; millis <= MAX_MILLIS; millis++) {
			seen += this.histogram.get(millis);
			if (seen >= rank) {
				return millis;
			}
		}
		return MAX_MILLIS;
	}

}
