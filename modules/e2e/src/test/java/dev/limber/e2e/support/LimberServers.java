package dev.limber.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system under test, started the way {@code make run} starts it, from the packaged
 * jars: the development identity provider (Spring Authorization Server with a login form)
 * and Limber in development mode with a fresh embedded PostgreSQL and the demo
 * organizations. Both get free ports, so a developer's running instance is never
 * disturbed.
 */
public final class LimberServers implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * Start, time taken in milliseconds, request and status: enough to find a stalled
	 * request.
	 */
	private static final String ACCESS_LOG = "%{yyyy-MM-dd'T'HH:mm:ss.SSSZ}t %{ms}T ms \"%r\" %s";

	private final List<Process> processes = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private static final String SCRAPE_TOKEN = "e2e-scrape-token";

	private final String appUrl;

	private final String identityProviderUrl;

	private final Path logs;

	private LimberServers(int appPort, int identityProviderPort, Path work) {
		this.appUrl = "http://localhost:" + appPort;
		this.identityProviderUrl = "http://localhost:" + identityProviderPort;
		this.logs = work;
	}

	public static LimberServers start() {
		Path work = Path.of(System.getProperty("limber.e2e.work", "target/e2e"));
		LimberServers servers = new LimberServers(freePort(), freePort(), work);
		try {
			Files.createDirectories(work);
			servers.launch("devidp", List.of(), jar("limber.devidp.jar"),
					"--server.port=" + port(servers.identityProviderUrl), "--devidp.portal-url=" + servers.appUrl,
					"--server.tomcat.accesslog.enabled=true",
					"--server.tomcat.accesslog.directory=" + work.toAbsolutePath(),
					"--server.tomcat.accesslog.prefix=devidp-access",
					"--server.tomcat.accesslog.pattern=" + ACCESS_LOG);
			servers.awaitOk("devidp", servers.identityProviderUrl + "/acme/.well-known/openid-configuration");
			servers.launch("app", List.of("-Dreactor.netty.http.server.accessLogEnabled=true"), jar("limber.app.jar"),
					"--spring.profiles.active=dev", "--server.port=" + port(servers.appUrl),
					"--limber.public-base-url=" + servers.appUrl, "--limber.metrics.scrape-token=" + SCRAPE_TOKEN,
					"--limber.demo.identity-provider-url=" + servers.identityProviderUrl,
					"--limber.security.platform.issuer-uri=" + servers.identityProviderUrl + "/platform",
					"--limber.db.embedded.data-directory=" + work.resolve("pgdata").toAbsolutePath(),
					"--limber.db.embedded.clean=true",
					// the journeys sign in faster than people do, all from one address
					"--limber.rate-limits.enabled=false",
					// the break reminder journey's push service listens
					// on loopback (LocalPushService)
					"--limber.notifications.allow-local-receivers=true",
					// and its reminders come within 2 s of the break, not 30
					"--limber.notifications.push.break-reminder-interval=2s");
			servers.awaitOk("app", servers.appUrl + "/actuator/health/readiness");
			servers.awaitDemoHistoryReported();
			return servers;
		}
		catch (IOException | RuntimeException ex) {
			servers.close();
			throw (ex instanceof RuntimeException runtime) ? runtime : new UncheckedIOException((IOException) ex);
		}
	}

	public String appUrl() {
		return this.appUrl;
	}

	private static Path jar(String property) {
		Path jar = Path.of(System.getProperty(property, ""));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(property + " does not name a packaged jar (" + jar
					+ "); build with 'mvn verify' from the repository root");
		}
		return jar;
	}

	private void launch(String name, List<String> jvmOptions, Path jar, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		command.addAll(List.of(arguments));
		Path log = this.logs.resolve(name + ".log");
		this.names.add(name);
		this.processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
	}

	private void awaitOk(String name, String url) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Process process = this.processes.get(this.processes.size() - 1);
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
						+ this.logs.resolve(name + ".log").toAbsolutePath());
			}
			try {
				HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(500));
		}
		throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + "; see "
				+ this.logs.resolve(name + ".log").toAbsolutePath());
	}

	/**
	 * Waits until both demo organizations' history is written and reporting has ingested
	 * it, so the HR dashboard does not change under a journey's feet: the outbox gauge
	 * reads zero and each organization's report is the same twice in a row (the gauge
	 * alone can be stale while a long first drain runs).
	 */
	private void awaitDemoHistoryReported() throws IOException {
		Path log = this.logs.resolve("app.log");
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		String previous = null;
		while (Instant.now().isBefore(deadline)) {
			String written = Files.readString(log);
			if (written.contains("Demo history failed")) {
				throw new IllegalStateException("The demo history failed; see " + log.toAbsolutePath());
			}
			if (written.split("Demo history: ", -1).length > 2 && outboxEmpty()) {
				String reports = report("acme") + report("globex");
				if (reports.equals(previous)) {
					return;
				}
				previous = reports;
			}
			sleep(Duration.ofSeconds(2));
		}
		throw new IllegalStateException("Reporting did not ingest the demo history within " + START_TIMEOUT);
	}

	private boolean outboxEmpty() throws IOException {
		return send(HttpRequest.newBuilder(URI.create(this.appUrl + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + SCRAPE_TOKEN)
			.build()).lines()
			.anyMatch((line) -> line.startsWith("limber_reporting_outbox_pending") && line.endsWith(" 0.0"));
	}

	/**
	 * The organization's report of the demo history's twelve weeks, through the API as
	 * its HR analyst.
	 */
	private String report(String organization) throws IOException {
		String token = send(HttpRequest.newBuilder(URI.create(this.identityProviderUrl + "/dev/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=hr@" + organization + ".test&password=limber-demo"))
			.build()).replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		String csv = send(HttpRequest
			.newBuilder(URI.create(this.appUrl + "/api/v1/reports/participation?groupBy=department&from="
					+ LocalDate.now().minusWeeks(12) + "&to=" + LocalDate.now()))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/csv")
			.build());
		if (!csv.startsWith("period_start")) {
			throw new IllegalStateException("The participation report of " + organization + " failed: " + csv);
		}
		return csv;
	}

	private static String send(HttpRequest request) throws IOException {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A thread dump of each server, next to the failed journey's screenshots. */
	void dumpThreads(Path directory, String name) {
		for (int i = 0; i < this.processes.size(); i++) {
			Path dump = directory.resolve(name + "-" + this.names.get(i) + "-threads.txt");
			try {
				Files.createDirectories(directory);
				Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
						String.valueOf(this.processes.get(i).pid()), "Thread.print")
					.redirectErrorStream(true)
					.redirectOutput(dump.toFile())
					.start();
				jcmd.waitFor(30, TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		for (int i = this.processes.size() - 1; i >= 0; i--) {
			Process process = this.processes.get(i);
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int port(String url) {
		return URI.create(url).getPort();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
