package dev.limber.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code make bench}: starts Limber (embedded PostgreSQL) and a bare baseline app, fills
 * the database with synthetic organizations, drives the scenarios with Gatling and writes
 * docs/benchmarks.md. {@code --quick} runs the small plan;
 * {@code --only=write,dashboard,leaderboard,tenants} picks scenarios (and then writes to
 * the bench module's target directory instead).
 */
public final class Bench {

	private static final Set<String> SCENARIOS = Set.of("write", "dashboard", "leaderboard", "tenants");

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		BenchPlan plan = options.contains("--quick") ? BenchPlan.quick() : BenchPlan.full();
		Path root = Path.of("").toAbsolutePath();
		// BENCH_APP_JAR measures another build of the app, for before/after comparisons
		Path appJar = root
			.resolve(System.getenv().getOrDefault("BENCH_APP_JAR", "modules/app/target/limber-app-0.1.0-SNAPSHOT.jar"));
		Path work = root.resolve("modules/bench/target/run");
		Set<String> scenarios = options.stream()
			.filter((option) -> option.startsWith("--only="))
			.map((option) -> Set.of(option.substring("--only=".length()).split(",")))
			.findFirst()
			.orElse(SCENARIOS);
		Results results = new BenchRun(plan, appJar, work, scenarios).run();
		// only a full run of every scenario replaces the published figures
		boolean published = !options.contains("--quick") && scenarios.containsAll(SCENARIOS);
		Path document = root.resolve(published ? "docs/benchmarks.md" : "modules/bench/target/benchmarks-partial.md");
		new BenchReport(results).write(document);
		System.out.println("Wrote " + root.relativize(document));
		System.exit(0);
	}

}
