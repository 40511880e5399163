package dev.limber.kernel.testing;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A module's own integration test: starts the module's test application (the
 * {@code @SpringBootApplication} of the module's test sources, found from the test's
 * package) over real HTTP, on {@link TestPostgres} with real signed tokens of
 * {@link TestIdentityProvider}. Every test class of a module shares one context, so do
 * not add configuration per class. Every test onboards its own organizations, so tests
 * never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.main.banner-mode=off", "spring.jackson.deserialization.fail-on-unknown-properties=true",
				"spring.webflux.problemdetails.enabled=false", "server.error.include-stacktrace=never",
				"server.error.include-message=never",
				// the application's language resolver always has a locale; without it,
				// English
				"spring.web.locale=en", "limber.security.allow-local-issuers=true",
				// the suite plays many members from one address; the app's RateLimitTests
				// prove the limits
				"limber.rate-limits.enabled=false",
				// tests drain outboxes themselves, so they can look at them first
				"limber.reporting.ingestion.enabled=false", "limber.reporting.release.prebuild-interval=0s",
				"limber.notifications.worker.enabled=false" })
@Import({ TestDatabaseConfiguration.class, TestClockConfiguration.class })
public abstract class ModuleIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	protected WebTestClient http;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("limber.security.platform.issuer-uri",
				() -> TestIdentityProvider.issuer(TestIdentityProvider.PLATFORM));
		// a port chosen before start, so that the public base URL Limber hands out can
		// name it
		int port = FreePorts.any();
		registry.add("server.port", () -> port);
		registry.add("limber.public-base-url", () -> "http://localhost:" + port);
	}

	@BeforeEach
	void bindClient() {
		this.http = WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(60)).build();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Onboards a new organization through the operator API, with its own issuer. */
	protected TestOrganization onboard(String name) {
		return TestOrganization.onboard(this.http, name);
	}

}
