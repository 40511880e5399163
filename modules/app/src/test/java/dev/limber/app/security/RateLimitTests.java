package dev.limber.app.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes, reports and sign-in starts past their limits get 429 with {@code Retry-After},
 * per member and per organization, and one organization's flood does not slow another.
 * Its own application, with small limits and its own database, closed after the class.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RateLimitTests extends LimberIntegrationTest {

	@DynamicPropertySource
	static void smallLimits(DynamicPropertyRegistry registry) {
		registry.add("limber.db.embedded.data-directory", () -> "target/pgdata-rate-limits");
		registry.add("limber.rate-limits.enabled", () -> "true");
		registry.add("limber.rate-limits.period", () -> "10m");
		registry.add("limber.rate-limits.writes-per-member", () -> "3");
		registry.add("limber.rate-limits.writes-per-organization", () -> "5");
		registry.add("limber.rate-limits.reports-per-member", () -> "2");
		registry.add("limber.rate-limits.sign-in-per-address", () -> "3");
	}

	@Test
	void writesPastTheMemberAndOrganizationLimitsGet429WithRetryAfter() {
		TestOrganization acme = onboard("limits");
		TestOrganization globex = onboard("limits-other");
		String ada = acme.admin("ada");
		for (int i = 0; i < 3; i++) {
			department(ada, "ada-" + i).expectStatus().isCreated();
		}
		String retryAfter = department(ada, "ada-3").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/too-many-requests")
			.returnResult()
			.getResponseHeaders()
			.getFirst("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 600L);
		// a second admin has a bucket of their own, until the organization's is
		// empty (5 writes)
		String bob = acme.admin("bob");
		department(bob, "bob-0").expectStatus().isCreated();
		department(bob, "bob-1").expectStatus().isCreated();
		department(bob, "bob-2").expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
		// reads are not limited, and another organization writes on
		this.http.get()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(ada))
			.exchange()
			.expectStatus()
			.isOk();
		department(globex.admin("gil"), "gil-0").expectStatus().isCreated();
	}

	@Test
	void reportsPastTheMemberLimitGet429() {
		TestOrganization acme = onboard("limits-reports");
		String hr = acme.token("analyst", "hr-analyst");
		int[] statuses = new int[3];
		for (int i = 0; i < 3; i++) {
			statuses[i] = this.http.get()
				.uri("/api/v1/reports/participation?from=2026-01-01&to=2026-01-31&interval=week")
				.headers((headers) -> headers.setBearerAuth(hr))
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
		}
		assertThat(statuses[0]).isNotEqualTo(429);
		assertThat(statuses[1]).isNotEqualTo(429);
		assertThat(statuses[2]).isEqualTo(429);
	}

	@Test
	void signInStartsPastTheAddressLimitGet429() {
		TestOrganization acme = onboard("limits-sign-in");
		for (int i = 0; i < 3; i++) {
			this.http.get().uri("/oauth2/authorization/" + acme.slug()).exchange().expectStatus().is3xxRedirection();
		}
		this.http.get()
			.uri("/oauth2/authorization/" + acme.slug())
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After");
	}

	private WebTestClient.ResponseSpec department(String token, String name) {
		return this.http.post()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"" + name + "\"}")
			.exchange();
	}

}
