package dev.limber.app.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.LimberApplication;
import dev.limber.kernel.testing.FreePorts;
import dev.limber.kernel.testing.TestClockConfiguration;
import dev.limber.kernel.testing.TestIdentityProvider;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.notifications.testing.TestCertificates;

/**
 * Starts the whole application once (real embedded PostgreSQL, real HTTP) and talks to it
 * as a client would. Every test onboards its own organizations, each with its own issuer,
 * so tests never depend on each other's data.
 */
@SpringBootTest(classes = LimberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "limber.db.embedded.clean=true", "limber.db.embedded.data-directory=target/pgdata-test",
				"limber.security.allow-local-issuers=true",
				"limber.metrics.scrape-token=" + LimberIntegrationTest.SCRAPE_TOKEN,
				// a busy 2-core test machine serves a cold first request slower
				// than production's deadline
				"limber.web.request-deadline=60s", "limber.db.timeouts.health=10s",
				"limber.db.pool.acquire-timeout=10s",
				// tests drain the outbox themselves, so they can look at it first
				"limber.reporting.ingestion.enabled=false",
				// tests move the clock and change k; release tables are built when
				// their reports ask
				"limber.reporting.release.prebuild-interval=0s",
				// the suite plays many members from one address; RateLimitTests
				// proves the limits
				"limber.rate-limits.enabled=false",
				// every channel on, as the pages show them; nothing is sent unless a test
				// drains the outbox (the notifications module's tests send for real)
				"limber.notifications.worker.enabled=false", "limber.notifications.worker.backoff=1ms",
				"limber.notifications.channels.email=true", "limber.notifications.channels.push=true",
				"limber.notifications.channels.slack=true", "limber.notifications.channels.teams=true",
				"limber.notifications.allow-local-receivers=true" })
@Import(TestClockConfiguration.class)
public abstract class LimberIntegrationTest {

	/** The Prometheus scraper's credential in tests. */
	protected static final String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdef";

	@Value("${local.server.port}")
	private int port;

	protected WebTestClient http;

	@DynamicPropertySource
	static void platformIssuer(DynamicPropertyRegistry registry) {
		registry.add("limber.security.platform.issuer-uri",
				() -> TestIdentityProvider.issuer(TestIdentityProvider.PLATFORM));
		// a port chosen before start, so that the public base URL Limber hands out
		// can name it
		int port = FreePorts.any();
		registry.add("server.port", () -> port);
		registry.add("limber.public-base-url", () -> "http://localhost:" + port);
		// the test run's own CA, trusted as an operator's company CA would be
		// (local HTTPS receivers)
		registry.add("limber.security.outbound-trust-bundle", TestCertificates::bundle);
	}

	@BeforeEach
	void bindClient() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(60))
			// a Prometheus scrape late in the suite, with latency buckets per route,
			// exceeds the 256 KB default
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(2 * 1024 * 1024))
			.build();
	}

	/** The Prometheus scrape, with the scraper's credential. */
	protected String scrapeMetrics() {
		return this.http.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(SCRAPE_TOKEN))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Onboards a new organization through the operator API, with its own issuer. */
	protected TestOrganization onboard(String name) {
		return TestOrganization.onboard(this.http, name);
	}

}
