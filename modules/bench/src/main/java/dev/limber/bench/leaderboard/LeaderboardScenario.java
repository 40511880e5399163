package dev.limber.bench.leaderboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.limber.bench.BenchPlan;
import dev.limber.bench.data.Population;
import dev.limber.bench.data.Tenant;
import dev.limber.bench.load.LoadRunner;
import dev.limber.bench.load.LoadStep;
import dev.limber.bench.load.Measurement;
import dev.limber.bench.load.Recorder;
import dev.limber.bench.system.Issuer;
import dev.limber.bench.system.JavaProcess;
import dev.limber.bench.system.ProcessMeter;

/**
 * Live leaderboards: JSON reads under load, then {@code subscribers} event-stream
 * subscribers of one challenge while members log activities, measuring for every
 * subscriber and every logged activity how long until the subscriber saw a new standing.
 * Runs only when the app has challenges ({@code GET /api/v1/challenges} answers 200).
 */
public final class LeaderboardScenario {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-zA-Z-]+)\"?");

	private static final Duration DEADLINE = Duration.ofSeconds(2);

	private final String appUrl;

	private final Issuer issuer;

	private final Tenant tenant;

	private final Population people;

	private final BenchPlan plan;

	private final LoadRunner gatling;

	private final ProcessMeter database;

	private final HttpClient http = HttpClient.newHttpClient();

	public LeaderboardScenario(String appUrl, Issuer issuer, Tenant tenant, Population people, BenchPlan plan,
			LoadRunner gatling, ProcessMeter database) {
		this.appUrl = appUrl;
		this.issuer = issuer;
		this.tenant = tenant;
		this.people = people;
		this.plan = plan;
		this.gatling = gatling;
		this.database = database;
	}

	public Result run(JavaProcess app) throws Exception {
		List<String> tokens = tokens(Math.min(this.plan.subscribers(), this.people.members().size()));
		HttpResponse<String> list = this.http.send(HttpRequest.newBuilder(URI.create(this.appUrl + "/api/v1/challenges"))
			.header("Authorization", "Bearer " + tokens.get(0))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (list.statusCode() == 404) {
			return Result.skipped("not run: this build has no challenges (GET /api/v1/challenges answered 404)");
		}
		Matcher id = ID.matcher(list.body());
		if (list.statusCode() != 200 || !id.find()) {
			return Result.skipped("not run: GET /api/v1/challenges answered " + list.statusCode() + " with no challenge");
		}
		String path = "/api/v1/challenges/" + id.group(1) + "/leaderboard";
		Measurement json = this.gatling.run("leaderboard JSON, 16 connections",
				new LoadStep(this.appUrl, path, "GET", null, tokens, false, 16, this.plan.warmUp(), this.plan.measure(),
						new Recorder()),
				app.meter(), this.database);
		ProcessMeter memory = app.meter();
		memory.start();
		try (Subscribers subscribers = Subscribers.open(this.appUrl + path, tokens)) {
			subscribers.awaitConnected(Duration.ofSeconds(60));
			memory.sample();
			List<Long> logged = logActivities(tokens, Duration.ofMillis(1500), 10);
			Thread.sleep(DEADLINE.toMillis() + 1000);
			memory.sample();
			Subscribers.Delays delays = subscribers.delays(logged, DEADLINE);
			return new Result(null, json, subscribers.connected(), logged.size(), delays.late(), delays.missed(),
					delays.worstSeconds(), memory.peakRssMb());
		}
	}

	/** Logs {@code count} activities, one every {@code every}; returns when each was sent (nanoTime). */
	private List<Long> logActivities(List<String> tokens, Duration every, int count) throws Exception {
		List<Long> sent = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			sent.add(System.nanoTime());
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.appUrl + "/api/v1/activities"))
				.header("Authorization", "Bearer " + tokens.get(n % tokens.size()))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString("{\"routine\":\"desk-reset-5-min\",\"durationSeconds\":300}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Logging an activity answered " + response.statusCode() + ": " + response.body());
			}
			Thread.sleep(every.toMillis());
		}
		return sent;
	}

	private List<String> tokens(int count) {
		List<String> tokens = new ArrayList<>();
		for (Population.Member member : this.people.members().subList(0, count)) {
			tokens.add(this.issuer.token(this.tenant.slug(), member.subject(), this.tenant.audience(),
					Map.of("department", member.department(), "location", member.location(), "name", member.subject()),
					Duration.ofHours(2)));
		}
		return tokens;
	}

	/**
	 * @param skipped why it did not run, or null
	 * @param late (subscriber, activity) pairs whose update came after the deadline
	 * @param missed (subscriber, activity) pairs with no update at all
	 */
	public record Result(String skipped, Measurement json, int subscribers, long updates, long late, long missed,
			double worstSeconds, long appRssMb) {

		public static Result skipped(String why) {
			return new Result(why, null, 0, 0, 0, 0, 0, 0);
		}

	}

}
