package dev.limber.kernel.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets of one limit, one per caller key, in memory; the least recently used are
 * forgotten beyond {@code maxKeys}, so a flood of new keys cannot exhaust the heap.
 */
final class Buckets {

	private final int capacity;

	private final Duration period;

	private final Map<String, Bucket> buckets;

	Buckets(int capacity, Duration period, int maxKeys) {
		this.capacity = capacity;
		this.period = period;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}
		};
	}

	/** Takes one token for {@code key}; when none is left, how long until one is. */
	ConsumptionProbe take(String key) {
		Bucket bucket;
		synchronized (this.buckets) {
			bucket = this.buckets.computeIfAbsent(key,
					(unused) -> Bucket.builder()
						.addLimit((limit) -> limit.capacity(this.capacity).refillGreedy(this.capacity, this.period))
						.build());
		}
		return bucket.tryConsumeAndReturnRemaining(1);
	}

}
