package dev.limber.app.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

/**
 * Bad input of every kind gets an RFC 9457 problem with the right status, never a 500.
 */
class ProblemDetailsTests extends LimberIntegrationTest {

	String adminToken;

	@BeforeEach
	void admin() {
		TestOrganization organization = onboard("problems");
		this.adminToken = organization.admin("ada");
	}

	@Test
	void malformedJsonIs400() {
		post("/api/v1/org/departments", "{\"name\": ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/malformed-request")
			.jsonPath("$.status")
			.isEqualTo(400);
	}

	@Test
	void unknownFieldsAreRejected() {
		post("/api/v1/org/departments", "{\"name\": \"Ops\", \"budget\": 12}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void validationErrorsNameEachField() {
		post("/api/v1/org/departments", "{\"name\": \"\", \"externalId\": \"" + "x".repeat(300) + "\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/validation-failed")
			.jsonPath("$.errors[0].field")
			.isEqualTo("externalId")
			.jsonPath("$.errors[1].field")
			.isEqualTo("name");
	}

	@Test
	void oversizeBodyIs413() {
		String huge = "{\"name\": \"" + "x".repeat(400_000) + "\"}";
		post("/api/v1/org/departments", huge).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/payload-too-large");
	}

	@Test
	void badPathIdIs400() {
		get("/api/v1/org/departments/not-a-uuid").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownIdIs404() {
		get("/api/v1/org/departments/5b0c3a0e-6a57-4c39-9a57-3f1f9c1d0b11").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found");
	}

	@Test
	void unknownRouteIs404() {
		get("/api/v1/no-such-thing").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found");
	}

	@Test
	void wrongMethodIs405() {
		this.http.patch()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(this.adminToken))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/method-not-allowed");
	}

	@Test
	void wrongContentTypeIs415() {
		this.http.post()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(this.adminToken))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=Ops")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void duplicateIs409AndWritesNothingTwice() {
		post("/api/v1/org/departments", "{\"name\": \"Finance\"}").expectStatus().isCreated();
		post("/api/v1/org/departments", "{\"name\": \"Finance\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/conflict");
		get("/api/v1/org/departments").expectBody().jsonPath("$.length()").isEqualTo(1);
	}

	private WebTestClient.ResponseSpec post(String path, String json) {
		return this.http.post()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(this.adminToken))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.http.get().uri(path).headers((headers) -> headers.setBearerAuth(this.adminToken)).exchange();
	}

}
