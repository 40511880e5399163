package dev.limber.bench.leaderboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Many concurrent server-sent-event subscribers, each on its own connection, noting when
 * each event arrived.
 */
final class Subscribers implements AutoCloseable {

	private final List<Queue<Long>> arrivals = new ArrayList<>();

	private final List<Disposable> streams = new ArrayList<>();

	private final AtomicInteger connected = new AtomicInteger();

	private final ConnectionProvider connections;

	private Subscribers(ConnectionProvider connections) {
		this.connections = connections;
	}

	static Subscribers open(String url, List<String> tokens) {
		ConnectionProvider connections = ConnectionProvider.builder("subscribers")
			.maxConnections(tokens.size() + 10)
			.pendingAcquireMaxCount(-1)
			.build();
		Subscribers subscribers = new Subscribers(connections);
		WebClient client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.build();
		for (String token : tokens) {
			Queue<Long> arrived = new ConcurrentLinkedQueue<>();
			subscribers.arrivals.add(arrived);
			subscribers.streams.add(client.get()
				.uri(url)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchangeToFlux((response) -> {
					if (response.statusCode().is2xxSuccessful()) {
						subscribers.connected.incrementAndGet();
					}
					return response.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
					});
				})
				.subscribe((event) -> arrived.add(System.nanoTime()), (error) -> {
				}));
		}
		return subscribers;
	}

	void awaitConnected(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.connected.get() < this.arrivals.size() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		// let initial standings arrive before activities are logged
		Thread.sleep(1000);
	}

	int connected() {
		return this.connected.get();
	}

	/**
	 * For each subscriber and each logged activity: the first event after it, within the
	 * deadline or not.
	 */
	Delays delays(List<Long> logged, Duration deadline) {
		long late = 0;
		long missed = 0;
		long worst = 0;
		for (Queue<Long> arrived : this.arrivals) {
			List<Long> times = new ArrayList<>(arrived);
			for (long at : logged) {
				long first = times.stream().filter((time) -> time >= at).mapToLong(Long::longValue).min().orElse(-1);
				if (first < 0) {
					missed++;
					continue;
				}
				long delay = Math.max(0, first - at);
				worst = Math.max(worst, delay);
				if (delay > deadline.toNanos()) {
					late++;
				}
			}
		}
		return new Delays(late, missed, worst / 1e9);
	}

	@Override
	public void close() {
		this.streams.forEach(Disposable::dispose);
		this.connections.dispose();
	}

	record Delays(long late, long missed, double worstSeconds) {
	}

}
