package dev.limber.bench.ingestion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches reporting ingestion through the app's own gauges on /actuator/prometheus
 * ({@code limber_reporting_outbox_pending} and
 * {@code limber_reporting_outbox_lag_seconds}): the peak while load runs, and how long
 * after the load stops both are back to zero.
 */
public final class OutboxWatch implements AutoCloseable {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String prometheusUrl;

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	private volatile double peakPending;

	private volatile double peakLagSeconds;

	/**
	 * The scrape credential the bench starts the app with (the endpoint is closed without
	 * one).
	 */
	public static final String SCRAPE_TOKEN = "bench-scrape-token";

	public OutboxWatch(String baseUrl) {
		this.prometheusUrl = baseUrl + "/actuator/prometheus";
		this.sampler.scheduleAtFixedRate(() -> {
			Gauges gauges = read();
			this.peakPending = Math.max(this.peakPending, gauges.pending());
			this.peakLagSeconds = Math.max(this.peakLagSeconds, gauges.lagSeconds());
		}, 0, 500, TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits until nothing is pending; returns how long that took, or null after
	 * {@code timeout}.
	 */
	public Duration awaitDrained(Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		while (System.nanoTime() - start < timeout.toNanos()) {
			Gauges gauges = read();
			if (gauges.pending() == 0 && gauges.lagSeconds() == 0) {
				return Duration.ofNanos(System.nanoTime() - start);
			}
			Thread.sleep(100);
		}
		return null;
	}

	public double peakPending() {
		return this.peakPending;
	}

	public double peakLagSeconds() {
		return this.peakLagSeconds;
	}

	Gauges read() {
		try {
			String body = this.http
				.send(HttpRequest.newBuilder(URI.create(this.prometheusUrl))
					.header("Authorization", "Bearer " + SCRAPE_TOKEN)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			return new Gauges(value(body, "limber_reporting_outbox_pending"),
					value(body, "limber_reporting_outbox_lag_seconds"));
		}
		catch (IOException ex) {
			return new Gauges(Double.NaN, Double.NaN);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Gauges(Double.NaN, Double.NaN);
		}
	}

	private static double value(String exposition, String metric) {
		return exposition.lines()
			.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(Double.NaN);
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	record Gauges(double pending, double lagSeconds) {
	}

}
