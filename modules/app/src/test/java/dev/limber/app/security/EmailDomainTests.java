package dev.limber.app.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email domain routes the sign-in page to one organization, so it belongs to at most
 * one, and only the platform operator assigns it: an org admin cannot claim another
 * company's domain.
 */
class EmailDomainTests extends LimberIntegrationTest {

	@Test
	void anOrgAdminCannotTakeOverAnotherOrganizationsDomain() {
		TestOrganization acme = onboard("dom-acme");
		TestOrganization globex = onboard("dom-globex");
		String acmeDomain = acme.slug() + ".test";

		settings(globex, List.of(globex.slug() + ".test", acmeDomain)).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// the admin may still save the settings with the domains the operator assigned
		settings(globex, List.of(globex.slug() + ".test")).expectStatus().isOk();

		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(signInPageRedirect("employee@" + acmeDomain)).isEqualTo("/oauth2/authorization/" + acme.slug());
			assertThat(signInPageRedirect("Employee@" + acmeDomain.toUpperCase()))
				.isEqualTo("/oauth2/authorization/" + acme.slug());
		}
	}

	@Test
	void aDomainClaimedByAnotherOrganizationIs409ForTheOperatorToo() {
		TestOrganization acme = onboard("claim-acme");
		TestOrganization globex = onboard("claim-globex");
		this.http.put()
			.uri("/api/v1/admin/organizations/" + globex.id())
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", globex.slug(), "displayName", "Globex", "issuerUri", globex.issuer(), "clientId",
					globex.audience(), "emailDomains", List.of(globex.slug() + ".test", acme.slug() + ".test")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains(acme.slug() + ".test"));
		// nothing of the refused change was written
		this.http.get()
			.uri("/api/v1/admin/organizations/" + globex.id())
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.exchange()
			.expectBody()
			.jsonPath("$.emailDomains")
			.isEqualTo(List.of(globex.slug() + ".test"));
		// a new organization cannot take it either
		this.http.post()
			.uri("/api/v1/admin/organizations")
			.headers((headers) -> headers.setBearerAuth(TestIdentityProvider.operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("slug", "claim-late-" + acme.slug().substring(acme.slug().length() - 8), "displayName",
					"Late", "issuerUri", TestIdentityProvider.issuer("late-" + acme.slug()), "clientId", "late",
					"emailDomains", List.of(acme.slug() + ".test")))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	private WebTestClient.ResponseSpec settings(TestOrganization organization, List<String> domains) {
		return this.http.put()
			.uri("/api/v1/org/settings")
			.headers((headers) -> headers.setBearerAuth(organization.admin("ada")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("displayName", "Mine", "minGroupSize", 5, "timeZone", "UTC", "emailDomains", domains))
			.exchange();
	}

	/**
	 * Where the sign-in form sends a visitor who types {@code input} (the page navigates
	 * on by itself).
	 */
	private String signInPageRedirect(String input) {
		var page = this.http.get().uri("/login").exchange().expectBody(String.class).returnResult();
		String cookie = page.getResponseCookies().getFirst("SESSION").getValue();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.getResponseBody());
		assertThat(csrf.find()).isTrue();
		String next = this.http.post()
			.uri("/login")
			.header("Cookie", "SESSION=" + cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("organization=" + input + "&_csrf=" + csrf.group(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		java.util.regex.Matcher target = java.util.regex.Pattern
			.compile("http-equiv=\"refresh\" content=\"0; url=([^\"]+)\"")
			.matcher(next);
		assertThat(target.find()).as(next).isTrue();
		return target.group(1);
	}

}
