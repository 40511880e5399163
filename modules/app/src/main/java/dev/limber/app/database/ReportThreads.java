package dev.limber.app.database;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The threads HR reports compute on: half the processors (at least one), never more than
 * the reports' connection budget. Reports cannot take more of the machine than that,
 * however many run, so employees' requests keep the rest.
 */
final class ReportThreads {

	private final Scheduler scheduler;

	ReportThreads(int connectionBudget) {
		int threads = Math.max(1, Math.min(connectionBudget, Runtime.getRuntime().availableProcessors() / 2));
		this.scheduler = Schedulers.newParallel("limber-reports", threads, true);
	}

	Scheduler scheduler() {
		return this.scheduler;
	}

	void dispose() {
		this.scheduler.dispose();
	}

}
