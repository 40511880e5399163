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

	/** Whether the restart mapped the class data sharing archive of the first run. */
	boolean warmStartShared;

	final List<Generated> generated = new ArrayList<>();

	final List<WriteStep> writes = new ArrayList<>();

	Ingestion ingestion;

	final List<Dashboard> dashboards = new ArrayList<>();

	LeaderboardScenario.Result leaderboard;

	Tenants tenants;

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

	/**
	 * The many-tenants step: steady-state figures before and after onboarding the
	 * organizations, the first calls of organizations not used before, and the app's
	 * memory with all of them.
	 *
	 * @param connections of the write steps
	 * @param coldMillis first-call times, sorted
	 */
	record Tenants(int organizations, int connections, Duration onboarded, Measurement writeBefore,
			Measurement writeAfter, Measurement reportBefore, Measurement reportAfter, List<Double> coldMillis,
			long appRssMb) {

		double coldPercentile(int percent) {
			int index = (int) Math.ceil(percent / 100.0 * this.coldMillis.size()) - 1;
			return this.coldMillis.get(Math.max(0, Math.min(index, this.coldMillis.size() - 1)));
		}

	}

	record Dashboard(long events, Measurement api, Measurement apiConcurrent, Measurement page,
			List<Double> naiveMillis, boolean consistent) {

		double naiveMedian() {
			return this.naiveMillis.get(this.naiveMillis.size() / 2);
		}

	}

}
