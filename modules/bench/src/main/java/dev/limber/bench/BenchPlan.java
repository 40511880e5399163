package dev.limber.bench;

import java.time.Duration;
import java.util.List;

/**
 * Sizes and durations of one benchmark run. The full plan is what the targets in
 * docs/benchmarks.md refer to; the quick plan checks that everything works in minutes.
 *
 * @param largeMembers members of the one large organization
 * @param eventStages total activity events of the large organization after each stage;
 * the HR dashboard is measured after each
 * @param eventsPerDay daily rate of the generated history; more events mean a longer
 * history, not a busier one, so the dashboard window (twelve weeks) holds about the same
 * rows each time
 * @param smallTenants organizations besides the large one
 * @param smallMembers members of each small organization
 * @param smallEvents activity events of all small organizations together
 * @param writeConcurrency connections of the write-path steps
 * @param warmUp load before each measured window, not counted
 * @param measure measured window of each load step
 * @param naiveSamples runs of the naive SQL aggregation per stage
 * @param subscribers leaderboard event-stream subscribers
 * @param updates activities logged, 1.5 s apart, while the subscribers listen
 * @param organizations organizations on the instance at the end of the many-tenants step
 * (the large and small ones included); the rest are onboarded in that step
 * @param coldProbes organizations whose first API call is timed in that step
 */
public record BenchPlan(String name, int largeMembers, List<Long> eventStages, int eventsPerDay, int smallTenants,
		int smallMembers, int smallEvents, List<Integer> writeConcurrency, Duration warmUp, Duration measure,
		int naiveSamples, int subscribers, int updates, int organizations, int coldProbes) {

	static BenchPlan full() {
		return new BenchPlan("full", 50_000, List.of(1_000_000L, 10_000_000L), 5_000, 200, 40, 400_000,
				List.of(16, 64, 256), Duration.ofSeconds(8), Duration.ofSeconds(20), 5, 2_000, 10, 10_000, 40);
	}

	static BenchPlan quick() {
		return new BenchPlan("quick", 5_000, List.of(50_000L, 250_000L), 500, 10, 40, 20_000, List.of(64, 256),
				Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 200, 4, 300, 10);
	}

}
