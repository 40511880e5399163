package dev.limber.e2e.support;

import java.util.ArrayList;
import java.util.List;

/** The people a journey has opened browsers for. */
public final class Visits implements AutoCloseable {

	private final Suite suite;

	private final List<Visit> open = new ArrayList<>();

	Visits(Suite suite) {
		this.suite = suite;
	}

	/** A fresh browser profile at the run's width and language. */
	public Visit open(Run run) {
		Visit visit = this.suite.visit(run);
		this.open.add(visit);
		return visit;
	}

	void failed(String name) {
		// the servers first: a stalled page can make its screenshot time out too
		this.suite.serversFailed(name);
		for (int i = 0; i < this.open.size(); i++) {
			this.open.get(i).failed(name + "-" + i);
		}
	}

	void assertEveryPageChecked() {
		this.open.forEach(Visit::assertEveryPageChecked);
	}

	@Override
	public void close() {
		this.open.forEach(Visit::close);
	}

}
