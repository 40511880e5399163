package dev.limber.kernel.database;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Which connection budget database work draws from, carried in the Reactor context. HR
 * reports and background work have budgets of their own, so neither can take the
 * connections an employee's request needs.
 */
public enum Workload {

	/** An employee's (or admin's) request: the largest budget. */
	REQUEST,
	/**
	 * HR reports and the dashboard: a small budget; when it is spent, reports wait, then
	 * 503.
	 */
	REPORT,
	/** Everything outside a request (outbox consumer, start-up work): the default. */
	BACKGROUND;

	public Context asContext() {
		return Context.of(Workload.class, this);
	}

	public static Workload current(ContextView context) {
		return context.getOrDefault(Workload.class, BACKGROUND);
	}

}
