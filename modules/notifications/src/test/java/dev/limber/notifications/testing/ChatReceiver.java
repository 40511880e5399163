package dev.limber.notifications.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat service's webhook endpoint: HTTPS on loopback with a certificate of the test
 * run's CA (or another one), which can be made to fail with 503. Keeps every request,
 * accepted or not.
 */
public final class ChatReceiver implements AutoCloseable {

	private final HttpsServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

	public ChatReceiver() {
		this(TestCertificates.trustedServer());
	}

	public ChatReceiver(SSLContext tls) {
		try {
			this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setHttpsConfigurator(new HttpsConfigurator(tls));
		this.server.createContext("/hooks/", (exchange) -> {
			String hook = exchange.getRequestURI().getPath().substring("/hooks/".length());
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = this.failing.getOrDefault(hook, false);
			this.requests.add(new Request(hook, exchange.getRequestHeaders().getFirst("Content-Type"), body, !fail));
			exchange.sendResponseHeaders(fail ? 503 : 200, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url(String hook) {
		return "https://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/" + hook;
	}

	public void failing(String hook, boolean fail) {
		this.failing.put(hook, fail);
	}

	/**
	 * The JSON bodies the hook accepted, parsed, in order; each must have come as JSON.
	 */
	public List<Object> accepted(String hook) {
		JsonMapper json = JsonMapper.builder().build();
		return this.requests.stream()
			.filter((request) -> request.hook().equals(hook) && request.accepted())
			.peek((request) -> {
				if (!"application/json".equals(request.contentType())) {
					throw new AssertionError("posted as " + request.contentType() + ", not application/json");
				}
			})
			.map((request) -> (Object) json.readValue(request.body(), Map.class))
			.toList();
	}

	/** How many requests the hook refused with 503. */
	public long refused(String hook) {
		return this.requests.stream().filter((request) -> request.hook().equals(hook) && !request.accepted()).count();
	}

	/** How many different posts the hook refused at least once. */
	public long refusedPosts(String hook) {
		return this.requests.stream()
			.filter((request) -> request.hook().equals(hook) && !request.accepted())
			.map(Request::body)
			.distinct()
			.count();
	}

	public List<String> all() {
		return this.requests.stream().map(Request::body).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Request(String hook, String contentType, String body, boolean accepted) {
	}

}
