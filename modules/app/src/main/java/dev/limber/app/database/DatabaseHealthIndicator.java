package dev.limber.app.database;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import dev.limber.kernel.database.DatabaseFailures;

/**
 * Readiness: can PostgreSQL be reached right now? Checked on a connection of its own, not
 * one from the request pools (a busy pool must not make every instance unready at once),
 * with a short timeout, and cached briefly so frequent probes cost one check.
 */
final class DatabaseHealthIndicator implements ReactiveHealthIndicator {

	private final Mono<Health> check;

	DatabaseHealthIndicator(ConnectionFactory ownConnections, Duration timeout, Duration cacheFor) {
		this.check = Mono
			.usingWhen(Mono.from(ownConnections.create()),
					(connection) -> Mono.from(connection.validate(ValidationDepth.REMOTE)), Connection::close)
			.timeout(timeout)
			.map((valid) -> valid ? Health.up().build()
					: Health.down().withDetail("error", "validation failed").build())
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", DatabaseFailures.summary(ex)).build()))
			.cache(cacheFor);
	}

	@Override
	public Mono<Health> health() {
		return this.check;
	}

}
