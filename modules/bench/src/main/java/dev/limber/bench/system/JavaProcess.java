package dev.limber.bench.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the bench starts and measures from outside: the app under test or the baseline.
 * Output goes to a log file; {@link #awaitHealthy} times start-up to a healthy answer.
 */
public final class JavaProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private JavaProcess(String name, Process process, long startedNanos, Path log) {
		this.name = name;
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	public static JavaProcess start(String name, List<String> javaArguments, Path log) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaArguments);
		Files.createDirectories(log.getParent());
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new JavaProcess(name, process, started, log);
	}

	/** Waits for {@code url} to answer 200; returns the time since start. */
	public Duration awaitHealthy(String url, Duration timeout) throws InterruptedException {
		return await(url, 200, timeout);
	}

	/** Waits for {@code url} to answer {@code status}; returns the time since start. */
	public Duration await(String url, int status, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
					return Duration.ofNanos(System.nanoTime() - this.startedNanos);
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException(this.name + " was not healthy within " + timeout + "; see " + this.log);
	}

	public long pid() {
		return this.process.pid();
	}

	public ProcessMeter meter() {
		return ProcessMeter.of(pid());
	}

	/** Stops it the way Ctrl-C would (SIGTERM, graceful shutdown). */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Stops it at once (SIGKILL), for a process whose shutdown is not what is measured.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
