package dev.limber.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code modules/e2e/lighthouse/audit.mjs} (Lighthouse, from the npm packages the
 * build installs with {@code npm ci}) with Node.js against the running suite, and returns
 * what it measured. Without Node.js or the packages, the audits are skipped with a plain
 * message, or fail where the test tools are required (CI).
 */
public final class Lighthouse {

	private static final long TIMEOUT_MINUTES = 6;

	private Lighthouse() {
	}

	/**
	 * The pages to audit, all signed in with one session, and the page to reload offline.
	 */
	public static final class Plan {

		private final JsonObject json = new JsonObject();

		private final JsonArray pages = new JsonArray();

		public Plan(String origin, String sessionCookie) {
			this.json.addProperty("origin", origin);
			JsonObject cookies = new JsonObject();
			cookies.addProperty("member", sessionCookie);
			this.json.add("cookies", cookies);
			this.json.add("pages", this.pages);
		}

		public Plan page(String name, String path) {
			JsonObject page = new JsonObject();
			page.addProperty("name", name);
			page.addProperty("path", path);
			page.addProperty("as", "member");
			this.pages.add(page);
			return this;
		}

		/**
		 * Audits a page whose performance scores below {@code score} twice more and keeps
		 * the median run (Lighthouse's answer to a score that varies with the machine's
		 * load).
		 */
		public Plan medianOfThreeBelow(int score) {
			this.json.addProperty("repeatBelow", score);
			return this;
		}

		public Plan offline(String path) {
			JsonObject page = new JsonObject();
			page.addProperty("path", path);
			page.addProperty("as", "member");
			this.json.add("offline", page);
			return this;
		}

	}

	public static JsonObject run(Plan plan) {
		Path scripts = Path.of(System.getProperty("limber.lighthouse", "lighthouse")).toAbsolutePath();
		Path work = Path.of(System.getProperty("limber.e2e.work", "target/e2e")).resolve("lighthouse").toAbsolutePath();
		if (!Files.isDirectory(scripts.resolve("node_modules/lighthouse")) || !nodeRuns()) {
			String message = "Node.js or the Lighthouse packages are missing (" + scripts
					+ "/node_modules), so the Lighthouse audits cannot run; the build installs them with npm ci when npm is"
					+ " on the PATH (Debian/Ubuntu: sudo apt-get install -y nodejs npm)";
			if (required()) {
				throw new IllegalStateException(message + "; the test tools are required here, so this is a failure");
			}
			Assumptions.abort(message + "; skipped");
		}
		try {
			Files.createDirectories(work);
			plan.json.addProperty("chromium", System.getProperty("limber.chromium", "/usr/bin/chromium"));
			plan.json.addProperty("reports", work.toString());
			Path planFile = work.resolve("plan.json");
			Path resultFile = work.resolve("result.json");
			Files.deleteIfExists(resultFile);
			Files.writeString(planFile, plan.json.toString());
			Path log = work.resolve("audit.log");
			Process node = new ProcessBuilder(List.of("node", scripts.resolve("audit.mjs").toString(),
					planFile.toString(), resultFile.toString()))
				.directory(scripts.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				node.destroyForcibly();
				throw new IllegalStateException(
						"Lighthouse took longer than " + TIMEOUT_MINUTES + " minutes; see " + log);
			}
			if (node.exitValue() != 0 || !Files.exists(resultFile)) {
				throw new IllegalStateException(
						"Lighthouse failed (exit " + node.exitValue() + "):\n" + Files.readString(log));
			}
			return new Gson().fromJson(Files.readString(resultFile), JsonObject.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean nodeRuns() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean required() {
		for (String variable : List.of("LIMBER_REQUIRE_TEST_TOOLS", "LIMBER_REQUIRE_BROWSER")) {
			String value = System.getenv(variable);
			if (value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false")) {
				return true;
			}
		}
		return false;
	}

}
