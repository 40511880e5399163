package dev.limber.kernel.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time, moved forward on demand so that a test can
 * close a reporting period without waiting for it. Tests that move it put it back
 * afterwards.
 */
public final class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
