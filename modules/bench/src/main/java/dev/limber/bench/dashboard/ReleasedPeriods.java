package dev.limber.bench.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits until a weekly report shows every closed week released, that is until the app has
 * built their release tables (in the background, as after any period closes), so that the
 * dashboard is measured reading them, not answering "not released yet" while they build.
 */
public final class ReleasedPeriods {

	private static final Pattern RELEASED = Pattern.compile("\"released\"\\s*:\\s*true");

	private ReleasedPeriods() {
	}

	/**
	 * Closed weeks (four days after their Sunday) among the weeks of {@code from} to
	 * {@code to}.
	 */
	public static int closedWeeks(LocalDate from, LocalDate to, LocalDate today) {
		int closed = 0;
		for (LocalDate monday = from.with(java.time.DayOfWeek.MONDAY); !monday.isAfter(to); monday = monday
			.plusWeeks(1)) {
			if (today.isAfter(monday.plusDays(9))) {
				closed++;
			}
		}
		return closed;
	}

	/**
	 * @return how long it took until {@code expected} periods were released
	 */
	public static Duration await(String url, String token, int expected, Duration timeout)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		int released = -1;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			released = (response.statusCode() == 200) ? count(response.body()) : -1;
			if (released >= expected) {
				return Duration.ofNanos(System.nanoTime() - started);
			}
			Thread.sleep(1_000);
		}
		throw new IllegalStateException(
				"Only " + released + " of " + expected + " closed weeks released after " + timeout);
	}

	private static int count(String body) {
		Matcher matcher = RELEASED.matcher(body);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}

}
