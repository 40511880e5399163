package dev.limber.app.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employees logging activities without pause, each retrying a failed write with the same
 * Idempotency-Key until it succeeds, as a well-behaved mobile client would. Every attempt
 * is recorded: when, how long, what status, whether it said {@code Retry-After}.
 */
final class Writers {

	record Attempt(long startMillis, long millis, int status, boolean retryAfter, String key) {

		long endMillis() {
			return this.startMillis + this.millis;
		}

	}

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Supplier<String> baseUrl;

	private final List<String> tokens;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	/** Every id each key was answered with: one per key, or the key counted twice. */
	private final Map<String, Set<String>> answers = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	Writers(Supplier<String> baseUrl, List<String> tokens) {
		this.baseUrl = baseUrl;
		this.tokens = tokens;
	}

	void start() {
		for (int i = 0; i < this.tokens.size(); i++) {
			int writer = i;
			Thread thread = new Thread(() -> write(writer), "writer-" + writer);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	/**
	 * Lets each writer finish the key it is on (retrying as long as needed), then stops.
	 */
	void stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(60_000);
		}
	}

	List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	Map<String, Set<String>> answers() {
		return Map.copyOf(this.answers);
	}

	private void write(int writer) {
		for (int n = 0; this.running.get(); n++) {
			String key = "writer-" + writer + "-" + n;
			while (!attempt(writer, key)) {
				pause(100);
			}
		}
	}

	/**
	 * @return whether the write is known to be stored
	 */
	private boolean attempt(int writer, String key) {
		long start = System.currentTimeMillis();
		int status;
		boolean retryAfter = false;
		try {
			HttpResponse<String> response = this.client.send(HttpRequest
				.newBuilder(URI.create(this.baseUrl.get() + "/api/v1/activities"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + this.tokens.get(writer))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString("{\"routine\":\"desk-reset-5-min\",\"durationSeconds\":300}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
			retryAfter = response.headers().firstValue("Retry-After").isPresent();
			if (status == 201 || status == 200) {
				Matcher id = ID.matcher(response.body());
				this.answers.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet())
					.add(id.find() ? id.group(1) : "no id in " + response.body());
			}
		}
		catch (java.io.IOException ex) {
			status = 0; // no answer: the instance is restarting
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = 0;
		}
		this.attempts.add(new Attempt(start, System.currentTimeMillis() - start, status, retryAfter, key));
		return status == 201 || status == 200;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
