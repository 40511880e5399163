package dev.limber.app.web;

import java.util.Map;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import dev.limber.app.support.LimberIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, metrics and the API description, as an operator and a client developer see
 * them.
 */
class OperationsEndpointsTests extends LimberIntegrationTest {

	@Test
	void healthIsUpWithDatabaseAndProbes() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheusShowsHttpAndPoolMetricsToTheScraperOnly() {
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk();
		String metrics = scrapeMetrics();
		assertThat(metrics).contains("http_server_requests_seconds_count")
			.contains("r2dbc_pool_acquired_connections")
			// one pool per workload, and the circuit breaker toward PostgreSQL
			.contains("name=\"requestConnections\"")
			.contains("name=\"reportConnections\"")
			.contains("name=\"backgroundConnections\"")
			.contains("resilience4j_circuitbreaker_state{")
			.contains("jvm_memory_used_bytes");
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.http.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth("not-the-scrape-token"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// a member's token is no credential for platform-wide figures either
		this.http.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(onboard("scraper").admin("ada")))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.http.get().uri("/actuator/metrics").exchange().expectStatus().is4xxClientError();
	}

	@Test
	void publicHealthShowsNoDetails() {
		String health = this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(health).doesNotContain("components", "r2dbc", "details", "PostgreSQL");
	}

	@Test
	void apiDocsAreValidOpenApi3CoveringTheApi() {
		String document = this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
		assertThat(parsed.getMessages()).isEmpty();
		assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
		assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/me", "/api/v1/org/departments",
				"/api/v1/admin/organizations");
		this.http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void actuatorEndpointsBeyondTheReadOnesAreDenied() {
		this.http.post().uri("/actuator/shutdown").bodyValue(Map.of()).exchange().expectStatus().is4xxClientError();
	}

}
