package dev.limber.app.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/** Portal sign-in through the organization's own identity provider (code flow + PKCE). */
class PortalSignInTests extends LimberIntegrationTest {

	@Test
	void newlyOnboardedOrganizationSignsInThroughTheBrowserAtOnce() {
		TestOrganization organization = onboard("portal");
		BrowserSession session = BrowserSession.signIn(this.http, organization, "mia", Map.of("name", "Mia Muster",
				"email", "mia@portal.test", "department", "Finance", "groups", List.of("Red Team")));
		assertThat(session.lastResult().getStatus().is3xxRedirection()).isTrue();
		assertThat(session.lastResult().getResponseHeaders().getLocation().toString()).isEqualTo("/");
		String home = session.page("/");
		assertThat(home).contains("Hello, Mia Muster").contains("Finance").contains("Red Team");
	}

	@Test
	void pagesRedirectAnonymousVisitorsToSignIn() {
		this.http.get()
			.uri("/org/admin")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/login");
	}

	@Test
	void signInPageFindsTheOrganizationByEmailDomainOrSlug() {
		TestOrganization organization = onboard("finder");
		String page = this.http.get()
			.uri("/login")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<label for=\"organization\"").contains("name=\"_csrf\"");
		assertThat(page).doesNotContain(organization.slug());
	}

	@Test
	void signInFormWithoutCsrfTokenIsRefused() {
		this.http.post()
			.uri("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.bodyValue("organization=x@example.test")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void pagesCarrySecurityHeaders() {
		this.http.get()
			.uri("/login")
			.exchange()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.value("Content-Security-Policy",
					(policy) -> assertThat(policy).contains("form-action 'self';")
						.doesNotContain("http:")
						.doesNotContain("https:"));
	}

	@Test
	void signOutContinuesToTheIdentityProviderWithoutAFormRedirectTheCspWouldBlock() {
		TestOrganization organization = onboard("signout");
		BrowserSession session = BrowserSession.signIn(this.http, organization, "mia", Map.of("name", "Mia"));
		var signedOut = session.submit("/", "/logout", Map.of());
		// a page that navigates on by itself, to the identity
		// provider's end-session endpoint
		assertThat(signedOut.getStatus().value()).isEqualTo(200);
		String page = new String(signedOut.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("http-equiv=\"refresh\"").contains(organization.issuer());
		assertThat(session.get("/programs").getStatus().is3xxRedirection()).isTrue();
	}

}
