package dev.limber.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * CPU time and resident memory of a set of processes (an app, or PostgreSQL and its
 * backends), sampled from /proc. CPU is reported as cores used over a window: 1.0 is one
 * core busy all the time.
 */
public final class ProcessMeter {

	private static final double TICKS_PER_SECOND = 100.0;

	private final Supplier<Set<Long>> pids;

	private Map<Long, Long> startTicks = new HashMap<>();

	private long startNanos;

	private long peakRssKb;

	public ProcessMeter(Supplier<Set<Long>> pids) {
		this.pids = pids;
	}

	public static ProcessMeter of(long pid) {
		return new ProcessMeter(() -> Set.of(pid));
	}

	/** PostgreSQL: the postmaster of a data directory and every process it forked. */
	public static ProcessMeter postgres(Path dataDirectory) {
		return new ProcessMeter(() -> {
			try {
				long postmaster = Long
					.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
				return Processes.withChildren(postmaster);
			}
			catch (IOException | RuntimeException ex) {
				return Set.of();
			}
		});
	}

	public synchronized void start() {
		this.startTicks = ticks();
		this.startNanos = System.nanoTime();
		this.peakRssKb = rssKb();
	}

	/** Called by a sampler during the window, so that the peak is seen. */
	public synchronized void sample() {
		this.peakRssKb = Math.max(this.peakRssKb, rssKb());
	}

	/** Cores used since {@link #start()}. */
	public synchronized double cores() {
		Map<Long, Long> now = ticks();
		long used = 0;
		for (Map.Entry<Long, Long> entry : now.entrySet()) {
			used += entry.getValue() - this.startTicks.getOrDefault(entry.getKey(), 0L);
		}
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		return (seconds > 0) ? (used / TICKS_PER_SECOND) / seconds : 0;
	}

	public synchronized long peakRssMb() {
		sample();
		return this.peakRssKb / 1024;
	}

	public long rssMb() {
		return rssKb() / 1024;
	}

	private Map<Long, Long> ticks() {
		Map<Long, Long> ticks = new HashMap<>();
		for (long pid : this.pids.get()) {
			Processes.cpuTicks(pid).ifPresent((value) -> ticks.put(pid, value));
		}
		return ticks;
	}

	private long rssKb() {
		return this.pids.get().stream().mapToLong(Processes::rssKb).sum();
	}

}
