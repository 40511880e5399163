package dev.limber.app.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

/**
 * Problem titles and field messages speak the caller's language; the type URIs never
 * change.
 */
class ProblemLanguageTests extends LimberIntegrationTest {

	String adminToken;

	@BeforeEach
	void admin() {
		this.adminToken = onboard("sprache").admin("ada");
	}

	@Test
	void notFoundInGermanKeepsItsType() {
		this.http.get()
			.uri("/api/v1/no-such-thing")
			.headers((headers) -> headers.setBearerAuth(this.adminToken))
			.header("Accept-Language", "de-DE,de;q=0.9")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-found")
			.jsonPath("$.title")
			.isEqualTo("Nicht gefunden");
	}

	@Test
	void validationInGermanNamesEachFieldInGerman() {
		this.http.post()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(this.adminToken))
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"\", \"externalId\": \"" + "x".repeat(300) + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/validation-failed")
			.jsonPath("$.title")
			.isEqualTo("Validierung fehlgeschlagen")
			.jsonPath("$.detail")
			.isEqualTo("Die Anfrage enthält 2 ungültige Felder.")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Länge muss zwischen 0 und 200 liegen")
			.jsonPath("$.errors[1].message")
			.isEqualTo("darf nicht leer sein");
	}

	@Test
	void validationInEnglishStaysEnglish() {
		this.http.post()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(this.adminToken))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Validation failed")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must not be blank");
	}

	@Test
	void securityProblemsSpeakGermanToo() {
		this.http.get()
			.uri("/api/v1/me")
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unauthorized")
			.jsonPath("$.title")
			.isEqualTo("Nicht angemeldet");
		this.http.get()
			.uri("/api/v1/reports/participation")
			.headers((headers) -> headers.setBearerAuth(onboard("verboten").employee("eve")))
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/forbidden")
			.jsonPath("$.title")
			.isEqualTo("Zugriff verweigert");
	}

}
