package dev.limber.bench.leaderboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
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
 * Members sign in with SSO groups that become their teams, an admin starts a challenge of
 * those teams, and every subscriber joins it. Skipped when the app has no challenges.
 */
public final class LeaderboardScenario {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-zA-Z-]+)\"?");

	private static final Duration DEADLINE = Duration.ofSeconds(2);

	private static final int TEAMS = 10;

	private final String appUrl;

	private final Issuer issuer;

	private final Tenant tenant;

	private final Population people;

	private final BenchPlan plan;

	private final LoadRunner gatling;

	private final ProcessMeter database;

	private final KeptPointsCheck keptPoints;

	private final HttpClient http = HttpClient.newHttpClient();

	public LeaderboardScenario(String appUrl, Issuer issuer, Tenant tenant, Population people, BenchPlan plan,
			LoadRunner gatling, ProcessMeter database, String jdbcUrl) {
		this.appUrl = appUrl;
		this.issuer = issuer;
		this.tenant = tenant;
		this.people = people;
		this.plan = plan;
		this.gatling = gatling;
		this.database = database;
		this.keptPoints = new KeptPointsCheck(jdbcUrl);
	}

	public Result run(JavaProcess app) throws Exception {
		List<Population.Member> members = this.people.members()
			.subList(0, Math.min(this.plan.subscribers(), this.people.members().size()));
		List<String> tokens = members.stream().map(this::token).toList();
		HttpResponse<String> list = send(get("/api/v1/challenges", tokens.get(0)));
		if (list.statusCode() == 404) {
			return Result.skipped("not run: this build has no challenges (GET /api/v1/challenges answered 404)");
		}
		// members sign in (their SSO groups become teams), a challenge of those teams
		// starts, everyone joins
		sendAll(tokens.stream().map((token) -> get("/api/v1/me", token)).toList(), 200);
		String admin = this.issuer.token(this.tenant.slug(), "bench-admin", this.tenant.audience(),
				Map.of("roles", List.of("org-admin"), "name", "Bench admin"), Duration.ofHours(2));
		String teams = send(get("/api/v1/org/teams", admin)).body();
		List<String> teamIds = new ArrayList<>();
		for (int team = 0; team < TEAMS; team++) {
			Matcher id = Pattern
				.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^}]*\"name\"\\s*:\\s*\"" + teamName(team) + "\"")
				.matcher(teams);
			if (id.find()) {
				teamIds.add("\"" + id.group(1) + "\"");
			}
		}
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(this.appUrl + "/api/v1/challenges"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"title":"Bench challenge","startsAt":"%s","endsAt":"%s","metric":"sessions","dailyCap":1000,
					"teams":[%s],"published":true}""".formatted(now.minusDays(1).withNano(0),
					now.plusDays(7).withNano(0), String.join(",", teamIds))))
			.build());
		Matcher challenge = ID.matcher(created.body());
		if (created.statusCode() != 201 || !challenge.find()) {
			throw new IllegalStateException(
					"Creating the challenge answered " + created.statusCode() + ": " + created.body());
		}
		String path = "/api/v1/challenges/" + challenge.group(1);
		sendAll(tokens.stream()
			.map((token) -> HttpRequest.newBuilder(URI.create(this.appUrl + path + "/participation"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"showName\":false}"))
				.build())
			.toList(), 200);
		Measurement json = this.gatling.run(
				"leaderboard JSON, 16 connections", new LoadStep(this.appUrl, path + "/leaderboard", "GET", null,
						tokens, false, 16, this.plan.warmUp(), this.plan.measure(), new Recorder()),
				app.meter(), this.database);
		ProcessMeter memory = app.meter();
		memory.start();
		try (Subscribers subscribers = Subscribers.open(this.appUrl + path + "/leaderboard", tokens)) {
			subscribers.awaitConnected(Duration.ofSeconds(60));
			memory.sample();
			List<Long> logged = logActivities(tokens, Duration.ofMillis(1500), this.plan.updates());
			Thread.sleep(DEADLINE.toMillis() + 1000);
			memory.sample();
			Subscribers.Delays delays = subscribers.delays(logged, DEADLINE);
			boolean consistent = this.keptPoints.matches(UUID.fromString(challenge.group(1)));
			return new Result(null, json, subscribers.connected(), logged.size(), delays.late(), delays.missed(),
					delays.worstSeconds(), memory.peakRssMb(), consistent);
		}
	}

	private String token(Population.Member member) {
		return this.issuer.token(this.tenant.slug(), member.subject(), this.tenant.audience(),
				Map.of("department", member.department(), "location", member.location(), "name", member.subject(),
						"groups", List.of(teamName(member.index() % TEAMS))),
				Duration.ofHours(2));
	}

	private static String teamName(int team) {
		return "Bench team " + team;
	}

	private HttpRequest get(String path, String token) {
		return HttpRequest.newBuilder(URI.create(this.appUrl + path))
			.header("Authorization", "Bearer " + token)
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Sends all requests, 16 at a time, and fails unless each answers {@code status}. */
	private void sendAll(List<HttpRequest> requests, int status) throws InterruptedException {
		Semaphore slots = new Semaphore(16);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (HttpRequest request : requests) {
			slots.acquire();
			responses.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, error) -> slots.release()));
		}
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			HttpResponse<String> answer = response.join();
			if (answer.statusCode() != status) {
				throw new IllegalStateException(
						answer.request().uri() + " answered " + answer.statusCode() + ": " + answer.body());
			}
		}
	}

	/**
	 * Logs {@code count} activities, one every {@code every}; returns when each was sent
	 * (nanoTime).
	 */
	private List<Long> logActivities(List<String> tokens, Duration every, int count) throws Exception {
		List<Long> sent = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			sent.add(System.nanoTime());
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create(this.appUrl + "/api/v1/activities"))
				.header("Authorization", "Bearer " + tokens.get(n % tokens.size()))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString("{\"routine\":\"desk-reset-5-min\",\"durationSeconds\":300}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException(
						"Logging an activity answered " + response.statusCode() + ": " + response.body());
			}
			Thread.sleep(every.toMillis());
		}
		return sent;
	}

	/**
	 * @param skipped why it did not run, or null
	 * @param late (subscriber, activity) pairs whose update came after the deadline
	 * @param missed (subscriber, activity) pairs with no update at all
	 * @param keptPointsConsistent whether the points kept per member and day equal a
	 * recomputation from every entry after the run
	 */
	public record Result(String skipped, Measurement json, int subscribers, long updates, long late, long missed,
			double worstSeconds, long appRssMb, boolean keptPointsConsistent) {

		public static Result skipped(String why) {
			return new Result(why, null, 0, 0, 0, 0, 0, 0, false);
		}

	}

}
