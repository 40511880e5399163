package dev.limber.app.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * HR analysts asking for reports without pause, more at once than the reports' connection
 * budget holds: the real report routes (participation as JSON and CSV, the program
 * funnel, the checklist findings) and a slow one that keeps its connection for a second.
 * Every answer's status is kept.
 */
final class ReportLoad {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Supplier<String> baseUrl;

	private final String token;

	private final AtomicBoolean running = new AtomicBoolean();

	private final List<Integer> statuses = new CopyOnWriteArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	ReportLoad(Supplier<String> baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	void start(int analysts) {
		this.running.set(true);
		String year = "from=" + LocalDate.now().minusYears(1) + "&to=" + LocalDate.now();
		List<String> routes = List.of("/api/v1/reports/participation?interval=week&" + year,
				"/api/v1/reports/programs?" + year, "/api/v1/reports/participation?interval=month&" + year,
				"/api/v1/reports/checklists?" + year);
		for (int i = 0; i < analysts; i++) {
			int first = i;
			Thread thread = new Thread(() -> {
				for (int n = first; this.running.get(); n++) {
					// every other report is a slow one, so that the budget
					// is surely spent
					String route = (n % 2 == 0) ? SlowStatements.PATH + "?seconds=1"
							: routes.get(n / 2 % routes.size());
					this.statuses.add(get(route, route.contains("participation") && n % 4 == 1));
				}
			}, "report-load-" + i);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	/** Stops asking and waits for the answers still out. */
	List<Integer> stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(30_000);
		}
		this.threads.clear();
		return List.copyOf(this.statuses);
	}

	private int get(String route, boolean csv) {
		try {
			return this.client
				.send(HttpRequest.newBuilder(URI.create(this.baseUrl.get() + route))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + this.token)
					.header("Accept", csv ? "text/csv" : "application/json")
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		catch (java.io.IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

}
