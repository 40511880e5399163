package dev.limber.app.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.LimberApplication;
import dev.limber.kernel.testing.TestIdentityProvider;

/**
 * Starts the whole application once (real embedded PostgreSQL, real HTTP) and talks to
 * it as a client would. Every test onboards its own organizations, each with its own
 * issuer, so tests never depend on each other's data.
 */
@SpringBootTest(classes = LimberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "limber.db.embedded.clean=true", "limber.db.embedded.data-directory=target/pgdata-test",
				"limber.security.allow-local-issuers=true",
				// tests drain the outbox themselves, so they can look at it first
				"limber.reporting.ingestion.enabled=false" })
public abstract class LimberIntegrationTest {

	@Value("${local.server.port}")
	private int port;

	protected WebTestClient http;

	@DynamicPropertySource
	static void platformIssuer(DynamicPropertyRegistry registry) {
		registry.add("limber.security.platform.issuer-uri",
				() -> TestIdentityProvider.issuer(TestIdentityProvider.PLATFORM));
	}

	@BeforeEach
	void bindClient() {
		this.http = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** Onboards a new organization through the operator API, with its own issuer. */
	protected TestOrganization onboard(String name) {
		String slug = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = this.http.post()
			.uri("/api/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", slug, "displayName", name, "issuerUri", TestIdentityProvider.issuer(slug),
					"clientId", slug + "-portal", "emailDomains", List.of(slug + ".test")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return new TestOrganization(UUID.fromString((String) created.get("id")), slug);
	}

}
