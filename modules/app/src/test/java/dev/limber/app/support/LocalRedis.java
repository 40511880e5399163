package dev.limber.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis for tests: Debian's {@code redis-server} on a free loopback port, in
 * memory only. Without the binary the calling test is skipped, unless
 * {@code LIMBER_REQUIRE_TEST_TOOLS=1} (as CI sets it), in which case it fails.
 */
public final class LocalRedis implements AutoCloseable {

	private final Process process;

	private final int port;

	private LocalRedis(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static LocalRedis start() throws IOException, InterruptedException {
		Path binary = find().orElse(null);
		if (binary == null) {
			String message = "redis-server is not installed (Debian: apt-get install redis-server, or run "
					+ "infra/ci/install-test-tools.sh)";
			if (java.util.List.of("1", "true")
				.contains(System.getenv().getOrDefault("LIMBER_REQUIRE_TEST_TOOLS", ""))) {
				Assertions.fail(message + "; LIMBER_REQUIRE_TEST_TOOLS is set, so this test must run");
			}
			Assumptions.abort(message + "; skipping the multi-instance test");
		}
		int port = freePort();
		Process process = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "redis-" + port + ".log").toFile())
			.start();
		LocalRedis redis = new LocalRedis(process, port);
		redis.awaitPong();
		return redis;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Sends one inline command and returns the first reply line, e.g. {@code ":3"} for a
	 * count.
	 */
	public String command(String inline) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}
	}

	private void awaitPong() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try {
				if ("+PONG".equals(command("PING"))) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(50);
		}
		close();
		Assertions.fail("redis-server did not answer PING on port " + this.port);
	}

	private static java.util.Optional<Path> find() {
		String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin:/usr/sbin";
		return Stream.of(path.split(":"))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> Path.of(dir, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
