package dev.limber.app.database;

import java.util.EnumMap;
import java.util.Map;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import reactor.core.publisher.Mono;

import dev.limber.kernel.database.Workload;

/**
 * The bulkheads: each {@link Workload} in the Reactor context draws connections from its
 * own pool, so reports and background work can exhaust only their own.
 */
final class WorkloadConnections implements ConnectionFactory {

	private final Map<Workload, ConnectionFactory> pools;

	WorkloadConnections(ConnectionFactory requests, ConnectionFactory reports, ConnectionFactory background) {
		this.pools = new EnumMap<>(
				Map.of(Workload.REQUEST, requests, Workload.REPORT, reports, Workload.BACKGROUND, background));
	}

	@Override
	public Mono<Connection> create() {
		return Mono.deferContextual((context) -> Mono.from(this.pools.get(Workload.current(context)).create()));
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.pools.get(Workload.REQUEST).getMetadata();
	}

}
