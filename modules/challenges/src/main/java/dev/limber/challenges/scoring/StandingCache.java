package dev.limber.challenges.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.limber.challenges.challenge.Challenge;
import dev.limber.kernel.notify.DatabaseNotifications;

/**
 * The last standing computed per challenge on this instance, for as long as nothing it
 * was computed from can have changed: no change to the challenge was notified since
 * (entries, joins, leaves), the organization's k and the challenge itself are the same,
 * no start, end or grace end has passed, and it is younger than {@code maxAge}, which
 * bounds what is not notified (a member deactivated, a team renamed).
 *
 * <p>
 * A computation may run while a change commits; it is kept only if no change of its
 * challenge was notified between its start and its end, so a standing missing a change is
 * never stored. Generations come from one counter, so a forgotten one cannot come back
 * equal.
 */
final class StandingCache {

	private final AtomicLong counter = new AtomicLong();

	/** Everything at once: the listener reconnected, so changes may have been missed. */
	private volatile long epoch;

	private final Cache<String, Long> generations = Caffeine.newBuilder().maximumSize(100_000).build();

	private final Cache<String, Entry> entries;

	private final Duration maxAge;

	StandingCache(Duration maxAge, int maxEntries) {
		this.maxAge = maxAge;
		this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
	}

	/**
	 * A change of {@code key} ({@code tenant:challenge}) was notified, or every key's.
	 */
	void changed(String key) {
		long generation = this.counter.incrementAndGet();
		if (key.equals(DatabaseNotifications.RESYNC)) {
			this.epoch = generation;
			this.entries.invalidateAll();
			return;
		}
		this.generations.put(key, generation);
		this.entries.invalidate(key);
	}

	/** What a computation starting now must still see when it ends to be kept. */
	Stamp stamp(String key) {
		return new Stamp(this.epoch, generation(key));
	}

	void keep(String key, Stamp stamp, Standing standing) {
		if (stamp.equals(stamp(key))) {
			this.entries.put(key, new Entry(stamp, standing));
		}
	}

	/**
	 * The kept standing, if still true for a challenge as it is now and k as it is now;
	 * else null.
	 */
	Standing valid(String key, Challenge challenge, int k, Instant now) {
		Entry entry = this.entries.getIfPresent(key);
		if (entry == null || !entry.stamp().equals(stamp(key))) {
			return null;
		}
		Standing standing = entry.standing();
		boolean same = standing.minGroupSize() == k && standing.challenge().equals(challenge);
		return (same && now.isBefore(expiry(standing))) ? standing : null;
	}

	private Instant expiry(Standing standing) {
		Instant computed = standing.computedAt();
		Challenge challenge = standing.challenge();
		return Stream.of(challenge.startsAt(), challenge.endsAt(), challenge.graceEndsAt())
			.filter((boundary) -> boundary.isAfter(computed))
			.min(Instant::compareTo)
			.filter((boundary) -> boundary.isBefore(computed.plus(this.maxAge)))
			.orElse(computed.plus(this.maxAge));
	}

	private long generation(String key) {
		Long generation = this.generations.getIfPresent(key);
		return (generation != null) ? generation : 0;
	}

	record Stamp(long epoch, long generation) {
	}

	private record Entry(Stamp stamp, Standing standing) {
	}

}
