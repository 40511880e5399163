package dev.limber.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.limber.bench.leaderboard.LeaderboardScenario;
import dev.limber.bench.load.Measurement;
import dev.limber.bench.system.Machine;

/** Everything one run measured, for docs/benchmarks.md. */
public final class Results {

	final BenchPlan plan;

	final Machine machine;

	final OffsetDateTime started = OffsetDateTime.now();

	Duration coldStart;

	Duration warmStart;

	final List<Generated> generated = new ArrayList<>();

	final List<WriteStep> writes = new ArrayList<>();

	Ingestion ingestion;

	final List<Dashboard> dashboards = new ArrayList<>();

	LeaderboardScenario.Result leaderboard;

	Duration total;

	Results(BenchPlan plan, Machine machine) {
		this.plan = plan;
		this.machine = machine;
	}

	record Generated(String what, long rows, Duration took) {
	}

	record WriteStep(int connections, Measurement baseline, Measurement app) {
	}

	/**
	 * @param drained time from the end of the peak write load until nothing was pending;
	 * null if never
	 */
	record Ingestion(int connections, double peakPending, double peakLagSeconds, Duration drained) {
	}

	record Dashboard(long events, Measurement api, Measurement apiConcurrent, Measurement page,
			List<Double> naiveMillis, boolean consistent) {

		double naiveMedian() {
			return this.naiveMillis.get(this.naiveMillis.size() / 2);
		}

	}

}
