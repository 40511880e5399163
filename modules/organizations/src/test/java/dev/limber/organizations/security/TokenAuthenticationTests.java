package dev.limber.organizations.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

/** Only real, current, correctly addressed tokens of registered issuers get in. */
class TokenAuthenticationTests extends ModuleIntegrationTest {

	TestOrganization acme;

	TestOrganization globex;

	@BeforeEach
	void organizations() {
		this.acme = onboard("acme");
		this.globex = onboard("globex");
	}

	@Test
	void validTokenShowsTheCallerAndTheirClaims() {
		String token = this.acme.token("erin", Map.of("department", "Sales", "location", "Berlin", "groups",
				List.of("Blue", "Green"), "roles", List.of("hr-analyst")));
		me(token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.organization")
			.isEqualTo(this.acme.slug())
			.jsonPath("$.department")
			.isEqualTo("Sales")
			.jsonPath("$.location")
			.isEqualTo("Berlin")
			.jsonPath("$.teams[0]")
			.isEqualTo("Blue")
			.jsonPath("$.teams[1]")
			.isEqualTo("Green")
			.jsonPath("$.roles.length()")
			.isEqualTo(2);
	}

	@Test
	void missingTokenIs401Problem() {
		this.http.get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void tokenOfUnregisteredIssuerIs401() {
		String token = TestIdentityProvider.token("nobody-registered-this", "sub", "whatever", Map.of());
		me(token).expectStatus().isUnauthorized();
	}

	@Test
	void expiredTokenIs401() {
		me(TestIdentityProvider.expiredToken(this.acme.slug(), "sub-erin", this.acme.audience())).expectStatus()
			.isUnauthorized();
	}

	@Test
	void wrongAudienceIs401() {
		me(TestIdentityProvider.token(this.acme.slug(), "sub-erin", "some-other-app", Map.of())).expectStatus()
			.isUnauthorized();
	}

	@Test
	void tamperedSignatureIs401() {
		me(TestIdentityProvider.tampered(this.acme.employee("erin"))).expectStatus().isUnauthorized();
	}

	@Test
	void unsignedTokenIs401() {
		me(TestIdentityProvider.unsigned(this.acme.employee("erin"))).expectStatus().isUnauthorized();
	}

	@Test
	void tokenSignedByAnotherOrganizationsKeysIs401() {
		String forged = TestIdentityProvider.token(this.globex.slug(), "sub-erin", this.acme.audience(),
				Map.of("iss", this.acme.issuer()));
		me(forged).expectStatus().isUnauthorized();
	}

	@Test
	void employeeCannotCallAdminOrOperatorEndpoints() {
		String employee = this.acme.employee("erin");
		get("/api/v1/org/departments", employee).expectStatus().isForbidden();
		get("/api/v1/admin/organizations", employee).expectStatus().isForbidden();
	}

	@Test
	void orgAdminIsNoPlatformOperator() {
		get("/api/v1/admin/organizations", this.acme.admin("ada")).expectStatus().isForbidden();
	}

	@Test
	void operatorTokenWithoutOperatorRoleIsForbidden() {
		String token = TestIdentityProvider.token(TestIdentityProvider.PLATFORM, "someone",
				TestIdentityProvider.PLATFORM_AUDIENCE, Map.of("roles", List.of("viewer")));
		get("/api/v1/admin/organizations", token).expectStatus().isForbidden();
	}

	@Test
	void idsOfAnotherOrganizationAre404() {
		String globexDepartment = this.http.post()
			.uri("/api/v1/org/departments")
			.headers((headers) -> headers.setBearerAuth(this.globex.admin("gus")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Globex R&D"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		String acmeAdmin = this.acme.admin("ada");
		get("/api/v1/org/departments/" + globexDepartment, acmeAdmin).expectStatus().isNotFound();
		this.http.put()
			.uri("/api/v1/org/departments/" + globexDepartment)
			.headers((headers) -> headers.setBearerAuth(acmeAdmin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "Taken over"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.delete()
			.uri("/api/v1/org/departments/" + globexDepartment)
			.headers((headers) -> headers.setBearerAuth(acmeAdmin))
			.exchange()
			.expectStatus()
			.isNotFound();
		get("/api/v1/org/departments", acmeAdmin).expectBody().jsonPath("$.length()").isEqualTo(0);
		get("/api/v1/org/departments/" + globexDepartment, this.globex.admin("gus")).expectStatus().isOk();
	}

	@Test
	void newlyOnboardedOrganizationWorksAtOnce() {
		TestOrganization initech = onboard("initech");
		me(initech.employee("peter")).expectStatus().isOk();
	}

	@Test
	void issuerOnAPrivateAddressIsRefusedWhenLocalIssuersAreNotAllowed() {
		this.http.post()
			.uri("/api/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "metadata-probe", "displayName", "Probe", "issuerUri",
					"https://169.254.169.254/latest", "clientId", "x"))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	private WebTestClient.ResponseSpec me(String token) {
		return get("/api/v1/me", token);
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.http.get().uri(path).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
