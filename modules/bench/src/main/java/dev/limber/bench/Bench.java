package dev.limber.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code make bench}: starts Limber (embedded PostgreSQL) and a bare baseline app, fills
 * the database with synthetic organizations, drives the scenarios with Gatling and writes
 * docs/benchmarks.md. {@code --quick} runs the small plan.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		BenchPlan plan = options.contains("--quick") ? BenchPlan.quick() : BenchPlan.full();
		Path root = Path.of("").toAbsolutePath();
		Path appJar = root.resolve("modules/app/target/limber-app-0.1.0-SNAPSHOT.jar");
		Path work = root.resolve("modules/bench/target/run");
		Results results = new BenchRun(plan, appJar, work, !options.contains("--no-leaderboard")).run();
		Path document = root.resolve(options.contains("--quick") ? "modules/bench/target/benchmarks-quick.md"
				: "docs/benchmarks.md");
		new BenchReport(results).write(document);
		System.out.println("Wrote " + root.relativize(document));
		System.exit(0);
	}

}
