package dev.limber.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.limber.bench.dashboard.NaiveReport;
import dev.limber.bench.dashboard.PortalSignIn;
import dev.limber.bench.dashboard.ReleasedPeriods;
import dev.limber.bench.data.DataGenerator;
import dev.limber.bench.data.Onboarding;
import dev.limber.bench.data.Population;
import dev.limber.bench.data.Tenant;
import dev.limber.bench.ingestion.OutboxWatch;
import dev.limber.bench.leaderboard.LeaderboardScenario;
import dev.limber.bench.load.LoadRunner;
import dev.limber.bench.load.LoadStep;
import dev.limber.bench.load.Measurement;
import dev.limber.bench.load.Recorder;
import dev.limber.bench.system.ClassDataSharing;
import dev.limber.bench.system.Issuer;
import dev.limber.bench.system.JavaProcess;
import dev.limber.bench.system.Machine;
import dev.limber.bench.system.ProcessMeter;
import dev.limber.bench.tenants.ManyTenants;

/** The scenarios of one run, in order, against one app, one baseline and one database. */
final class BenchRun {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final BenchPlan plan;

	private final Path appJar;

	private final Path work;

	private final Set<String> scenarios;

	private final Results results;

	private final Issuer issuer = new Issuer();

	private final LoadRunner gatling;

	private int pgPort;

	private String appUrl;

	private String jdbcUrl;

	private Tenant large;

	private Population people;

	private ProcessMeter database;

	private ClassDataSharing launcher;

	private String baselineUrl;

	/**
	 * @param scenarios which of write, dashboard and leaderboard to run
	 */
	BenchRun(BenchPlan plan, Path appJar, Path work, Set<String> scenarios) {
		this.plan = plan;
		this.appJar = appJar;
		this.work = work;
		this.scenarios = scenarios;
		this.results = new Results(plan, Machine.describe());
		this.gatling = new LoadRunner(work.resolve("gatling"));
	}

	Results run() throws Exception {
		long started = System.nanoTime();
		this.pgPort = JavaProcess.freePort();
		int appPort = JavaProcess.freePort();
		this.appUrl = "http://localhost:" + appPort;
		this.jdbcUrl = "jdbc:postgresql://localhost:" + this.pgPort + "/limber";
		deleteDatabase();
		this.launcher = ClassDataSharing.extract(this.appJar, this.work.resolve("app"));
		JavaProcess app = startApp(appPort, true);
		this.results.coldStart = app.awaitHealthy(this.appUrl + "/actuator/health/readiness", START_TIMEOUT);
		log("Limber healthy after " + this.results.coldStart.toMillis() + " ms (new database)");
		this.database = ProcessMeter.postgres(this.work.resolve("pgdata"));
		JavaProcess baseline = null;
		try {
			List<Tenant> small = onboard();
			// the baseline starts while the data is generated, and idles until
			// the write path
			baseline = this.scenarios.contains("write") ? launchBaseline() : null;
			generate(small);
			long firstStage = this.plan.eventStages().get(0);
			if (this.scenarios.contains("dashboard")) {
				dashboard(app, firstStage);
			}
			if (baseline != null) {
				baseline.await(this.baselineUrl + "/api/v1/activities", 401, START_TIMEOUT);
				writePath(app, baseline);
				// killed: its graceful shutdown waits 15 s for Reactor
				// Netty's event loops
				baseline.kill();
				baseline = null;
			}
			for (int stage = 1; stage < this.plan.eventStages().size()
					&& this.scenarios.contains("dashboard"); stage++) {
				long from = this.plan.eventStages().get(stage - 1);
				long to = this.plan.eventStages().get(stage);
				timed("more activity events (large organization)", to - from, () -> largeEvents(from, to));
				dashboard(app, to);
			}
			log("leaderboard scenario starts");
			this.results.leaderboard = leaderboard(app);
			log("leaderboard scenario done");
			if (this.scenarios.contains("tenants")) {
				manyTenants(app, small.size() + 1);
			}
		}
		finally {
			app.close();
			if (baseline != null) {
				baseline.kill();
			}
		}
		// the first run wrote the archive as it exited
		this.results.warmStartShared = this.launcher.archived();
		JavaProcess restarted = startApp(appPort, false);
		try {
			this.results.warmStart = restarted.awaitHealthy(this.appUrl + "/actuator/health/readiness", START_TIMEOUT);
			log("Limber healthy after " + this.results.warmStart.toMillis() + " ms (existing database)");
		}
		finally {
			restarted.close();
			this.issuer.close();
		}
		this.results.total = Duration.ofNanos(System.nanoTime() - started);
		return this.results;
	}

	/**
	 * A failing leaderboard scenario is reported as such; it does not lose the rest of
	 * the run.
	 */
	private LeaderboardScenario.Result leaderboard(JavaProcess app) {
		if (!this.scenarios.contains("leaderboard")) {
			return LeaderboardScenario.Result.skipped("not selected in this run");
		}
		try {
			return new LeaderboardScenario(this.appUrl, this.issuer, this.large, this.people, this.plan, this.gatling,
					this.database, this.jdbcUrl)
				.run(app);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			return LeaderboardScenario.Result.skipped("failed: " + ex.getMessage());
		}
	}

	private JavaProcess startApp(int port, boolean newDatabase) throws IOException {
		List<String> arguments = new ArrayList<>(jvmOptions());
		arguments.addAll(this.launcher.launch());
		arguments.addAll(
				List.of("--server.port=" + port, "--limber.db.embedded.data-directory=" + this.work.resolve("pgdata"),
						// never clean=true: the embedded server would delete its data
						// when
						// the app stops
						"--limber.db.embedded.port=" + this.pgPort, "--limber.security.allow-local-issuers=true",
						"--limber.public-base-url=http://localhost:" + port,
						"--limber.metrics.scrape-token=" + OutboxWatch.SCRAPE_TOKEN,
						// the load plays thousands of members from one address
						"--limber.rate-limits.enabled=false",
						// the generator writes months of history after start, which real
						// events
						// cannot be; the dashboard step has the release tables built once
						// the
						// history is in (ReleasedPeriods)
						"--limber.reporting.release.prebuild-interval=0s",
						"--limber.security.platform.issuer-uri=" + this.issuer.url(Issuer.PLATFORM)));
		return JavaProcess.start("limber", arguments,
				this.work.resolve(newDatabase ? "limber.log" : "limber-restart.log"));
	}

	/**
	 * The heap the image gives the app in the Helm chart's 1 GiB container (50%), so the
	 * memory measured is the memory deployed; more options (a flight recording) from
	 * BENCH_APP_JVM_OPTS.
	 */
	private static List<String> jvmOptions() {
		List<String> options = new ArrayList<>(List.of("-Xmx512m"));
		String extra = System.getenv().getOrDefault("BENCH_APP_JVM_OPTS", "").trim();
		if (!extra.isEmpty()) {
			options.addAll(List.of(extra.split("\\s+")));
		}
		return options;
	}

	private void deleteDatabase() throws IOException {
		Path data = this.work.resolve("pgdata");
		if (Files.exists(data)) {
			try (var paths = Files.walk(data)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/**
	 * One large organization and many small ones, onboarded through the API; returns the
	 * small ones.
	 */
	private List<Tenant> onboard() throws Exception {
		Onboarding onboarding = new Onboarding(this.appUrl, this.issuer);
		List<Tenant> small = new ArrayList<>();
		timed("organizations onboarded through the operator API", this.plan.smallTenants() + 1, () -> {
			this.large = onboarding.onboard("bench-large", "Large Corp");
			for (int n = 0; n < this.plan.smallTenants(); n++) {
				small.add(onboarding.onboard("small-%03d".formatted(n), "Small %03d".formatted(n)));
			}
		});
		return small;
	}

	/** The organizations' members and history, filled set-based. */
	private void generate(List<Tenant> small) throws Exception {
		this.people = new Population();
		this.people.add(this.large, this.plan.largeMembers(), Population.DEPARTMENTS.size());
		Population smallPeople = new Population();
		small.forEach((tenant) -> smallPeople.add(tenant, this.plan.smallMembers(), 4));
		long firstStage = this.plan.eventStages().get(0);
		timed("members (large organization)", this.plan.largeMembers(), () -> {
			try (DataGenerator generator = new DataGenerator(this.jdbcUrl, "large_people")) {
				generator.members(this.people);
			}
		});
		timed("activity events (large organization)", firstStage, () -> {
			largeEvents(0, firstStage);
			try (DataGenerator generator = new DataGenerator(this.jdbcUrl, "large_people")) {
				generator.enrollments((int) (firstStage / this.plan.eventsPerDay()));
			}
		});
		timed("members and activity events (small organizations)", this.plan.smallEvents(), () -> {
			try (DataGenerator generator = new DataGenerator(this.jdbcUrl, "small_people")) {
				generator.members(smallPeople);
				List<String> indexes = generator.dropSecondaryIndexes();
				generator.events(0, this.plan.smallEvents(), this.plan.smallEvents() / 365);
				generator.createIndexes(indexes);
				generator.enrollments(365);
				generator.vacuumAnalyze();
			}
		});
	}

	/**
	 * Events {@code from} to {@code to} of the large organization, one contiguous part
	 * per processor in parallel: parts cover different days, so their rollup rows never
	 * collide. Secondary indexes are built after the load rather than kept up during it.
	 */
	private void largeEvents(long from, long to) throws Exception {
		List<String> indexes;
		try (DataGenerator generator = new DataGenerator(this.jdbcUrl, "large_people")) {
			indexes = generator.dropSecondaryIndexes();
		}
		int parts = Runtime.getRuntime().availableProcessors();
		long size = (to - from + parts - 1) / parts;
		List<Future<?>> running = new ArrayList<>();
		ExecutorService workers = Executors.newFixedThreadPool(parts);
		try {
			for (long start = from; start < to; start += size) {
				long partFrom = start;
				long partTo = Math.min(to, start + size);
				running.add(workers.submit(() -> {
					try (DataGenerator generator = new DataGenerator(this.jdbcUrl, "large_people")) {
						generator.events(partFrom, partTo, this.plan.eventsPerDay());
					}
					return null;
				}));
			}
			for (Future<?> part : running) {
				part.get();
			}
		}
		finally {
			workers.shutdown();
		}
		try (DataGenerator generator = new DataGenerator(this.jdbcUrl, "large_people")) {
			generator.createIndexes(indexes);
			generator.vacuumAnalyze();
		}
	}

	/**
	 * The HR dashboard over the API and as a page, and the naive aggregation, at the
	 * current size.
	 */
	private void dashboard(JavaProcess app, long events) throws Exception {
		NaiveReport naive = new NaiveReport(this.jdbcUrl);
		boolean consistent = naive.matchesRollups(this.large.id());
		List<Double> naiveMillis = naive.time(this.large.id(), this.plan.naiveSamples());
		log("naive aggregation at " + events + " events: " + naiveMillis + " ms; rollups consistent: " + consistent);
		Population.Member analyst = this.people.members().get(0);
		Map<String, Object> claims = analystClaims();
		String token = analystToken();
		String report = report();
		Duration built = releasedPeriods(report, token);
		log("release tables of the closed weeks ready after " + built.toMillis() + " ms (built in the background"
				+ " the first time a report asked for them; built once, so later stages read the same tables)");
		Measurement api = measure("report API, 1 connection, " + events + " events",
				get(report, List.of(token), false, 1), app);
		Measurement concurrent = measure("report API, 16 connections, " + events + " events",
				get(report, List.of(token), false, 16), app);
		String cookie = PortalSignIn.signIn(this.appUrl, this.issuer, this.large, analyst.subject(), claims);
		Measurement page = measure("/hr page, 1 connection, " + events + " events",
				get("/hr", List.of(cookie), true, 1), app);
		this.results.dashboards.add(new Results.Dashboard(events, api, concurrent, page, naiveMillis, consistent));
	}

	/** Authenticated writes with idempotency keys at each concurrency, baseline first. */
	private void writePath(JavaProcess app, JavaProcess baseline) throws Exception {
		String body = writeBody();
		List<String> tokens = memberTokens(2_000);
		int peak = this.plan.writeConcurrency().get(this.plan.writeConcurrency().size() - 1);
		// unmeasured: JIT compilation and pools of both, and the first sign-in of every
		// member in the app
		prime(this.baselineUrl, body, tokens, baseline);
		prime(this.appUrl, body, tokens, app);
		for (int connections : this.plan.writeConcurrency()) {
			Measurement bare = this.gatling
				.run("baseline write, " + connections + " connections",
						new LoadStep(this.baselineUrl, "/api/v1/activities", "POST", body, tokens, false, connections,
								this.plan.warmUp(), this.plan.measure(), new Recorder()),
						baseline.meter(), this.database);
			log(bare.toString());
			try (OutboxWatch outbox = new OutboxWatch(this.appUrl)) {
				Measurement limber = this.gatling
					.run("Limber write, " + connections + " connections",
							new LoadStep(this.appUrl, "/api/v1/activities", "POST", body, tokens, false, connections,
									this.plan.warmUp(), this.plan.measure(), new Recorder()),
							app.meter(), this.database);
				log(limber.toString());
				Duration drained = outbox.awaitDrained(Duration.ofSeconds(60));
				log("outbox drained after " + drained + "; peak pending " + outbox.peakPending() + ", peak lag "
						+ outbox.peakLagSeconds() + " s");
				if (connections == peak) {
					this.results.ingestion = new Results.Ingestion(connections, outbox.peakPending(),
							outbox.peakLagSeconds(), drained);
				}
				this.results.writes.add(new Results.WriteStep(connections, bare, limber));
			}
		}
	}

	/**
	 * Onboards organizations until there are {@code plan.organizations()}, with the
	 * steady-state write and report figures measured right before and right after, and
	 * times the first call of organizations nobody used yet. The restart that follows
	 * measures start-up with all of them.
	 */
	private void manyTenants(JavaProcess app, int existing) throws Exception {
		int count = Math.max(0, this.plan.organizations() - existing);
		String body = writeBody();
		List<String> tokens = memberTokens(2_000);
		int connections = this.plan.writeConcurrency().contains(64) ? 64 : this.plan.writeConcurrency().get(0);
		String report = report();
		String token = analystToken();
		releasedPeriods(report, token);
		if (!this.scenarios.contains("write")) {
			// otherwise the write path primed it
			prime(this.appUrl, body, tokens, app);
		}
		Measurement writeBefore = measure(
				"Limber write, " + connections + " connections, " + existing + " organizations",
				write(body, tokens, connections), app);
		Measurement reportBefore = measure("report API, 1 connection, " + existing + " organizations",
				get(report, List.of(token), false, 1), app);
		ManyTenants tenants = new ManyTenants(this.appUrl, this.issuer);
		long start = System.nanoTime();
		List<Tenant> onboarded = tenants.onboard(count);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		this.results.generated
			.add(new Results.Generated("organizations onboarded through the operator API, 8 at a time", count, took));
		log(count + " more organizations onboarded in " + took.toMillis() + " ms");
		List<Double> cold = tenants.coldFirstCalls(onboarded, this.plan.coldProbes());
		log("first API call of " + cold.size() + " organizations not used before (ms, sorted): " + cold);
		int organizations = existing + count;
		Measurement writeAfter = measure(
				"Limber write, " + connections + " connections, " + organizations + " organizations",
				write(body, tokens, connections), app);
		Measurement reportAfter = measure("report API, 1 connection, " + organizations + " organizations",
				get(report, List.of(token), false, 1), app);
		long rss = Math.max(app.meter().rssMb(), Math.max(writeAfter.appRssMb(), reportAfter.appRssMb()));
		this.results.tenants = new Results.Tenants(organizations, connections, took, writeBefore, writeAfter,
				reportBefore, reportAfter, cold, rss);
	}

	private LoadStep write(String body, List<String> tokens, int connections) {
		return new LoadStep(this.appUrl, "/api/v1/activities", "POST", body, tokens, false, connections,
				this.plan.warmUp(), this.plan.measure(), new Recorder());
	}

	private String writeBody() throws SQLException {
		return "{\"routine\":\"" + routine() + "\",\"durationSeconds\":300}";
	}

	/** The dashboard's default report: last twelve weeks, by week and department. */
	private static String report() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return "/api/v1/reports/participation?from=" + today.minusWeeks(11) + "&to=" + today
				+ "&interval=week&groupBy=department";
	}

	private Map<String, Object> analystClaims() {
		Population.Member analyst = this.people.members().get(0);
		return Map.of("roles", List.of("hr-analyst"), "department", analyst.department(), "location",
				analyst.location(), "name", "HR analyst");
	}

	private String analystToken() {
		return this.issuer.token(this.large.slug(), this.people.members().get(0).subject(), this.large.audience(),
				analystClaims(), Duration.ofHours(2));
	}

	private Duration releasedPeriods(String report, String token) throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return ReleasedPeriods.await(this.appUrl + report, token,
				ReleasedPeriods.closedWeeks(today.minusWeeks(11), today, today), Duration.ofMinutes(10));
	}

	private void prime(String url, String body, List<String> tokens, JavaProcess target) {
		Duration priming = this.plan.warmUp().multipliedBy(3);
		this.gatling.run("priming " + url, new LoadStep(url, "/api/v1/activities", "POST", body, tokens, false, 64,
				priming, Duration.ofSeconds(1), new Recorder()), target.meter(), this.database);
	}

	/**
	 * The bare WebFlux + R2DBC app, as its own JVM, with its own role and table; not
	 * awaited.
	 */
	private JavaProcess launchBaseline() throws Exception {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create role bench_baseline login password 'bench-baseline'");
			statement.execute("grant connect on database limber to bench_baseline");
			statement.execute("create schema bench_baseline authorization bench_baseline");
			statement.execute("""
					create table bench_baseline.activity (
					    id uuid primary key, subject text not null, idempotency_key text not null, slug text not null,
					    duration_seconds int not null, completed_at timestamptz not null default now())""");
			statement.execute("alter table bench_baseline.activity owner to bench_baseline");
		}
		int port = JavaProcess.freePort();
		this.baselineUrl = "http://localhost:" + port;
		return JavaProcess.start("baseline",
				List.of("-cp", System.getProperty("java.class.path"), "dev.limber.bench.baseline.BaselineApplication",
						"--server.port=" + port, "--spring.main.banner-mode=off",
						"--spring.r2dbc.url=r2dbc:postgresql://localhost:" + this.pgPort + "/limber",
						"--spring.r2dbc.username=bench_baseline", "--spring.r2dbc.password=bench-baseline",
						"--spring.r2dbc.pool.max-size=20",
						"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + this.large.issuer(),
						"--spring.security.oauth2.resourceserver.jwt.audiences=" + this.large.audience()),
				this.work.resolve("baseline.log"));
	}

	private List<String> memberTokens(int count) {
		List<String> tokens = new ArrayList<>();
		for (Population.Member member : this.people.members()
			.subList(0, Math.min(count, this.people.members().size()))) {
			tokens.add(this.issuer.token(this.large.slug(), member.subject(), this.large.audience(),
					Map.of("department", member.department(), "location", member.location(), "name", member.subject()),
					Duration.ofHours(2)));
		}
		return tokens;
	}

	private String routine() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select slug from programs.catalog_routine order by slug limit 1")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private LoadStep get(String path, List<String> credentials, boolean cookie, int users) {
		return new LoadStep(this.appUrl, path, "GET", null, credentials, cookie, users, this.plan.warmUp(),
				this.plan.measure(), new Recorder());
	}

	private Measurement measure(String name, LoadStep step, JavaProcess app) {
		Measurement measurement = this.gatling.run(name, step, app.meter(), this.database);
		log(measurement.toString());
		return measurement;
	}

	private void timed(String what, long rows, Step step) throws Exception {
		long start = System.nanoTime();
		step.run();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		this.results.generated.add(new Results.Generated(what, rows, took));
		log(what + ": " + rows + " in " + took.toMillis() + " ms");
	}

	private static void log(String message) {
		System.out.println("[bench %s] %s".formatted(CLOCK.format(LocalTime.now()), message));
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}
