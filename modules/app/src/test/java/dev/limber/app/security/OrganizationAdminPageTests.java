package dev.limber.app.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization admins manage departments and the SCIM token in their pages, which render
 * in the application's layout (the API is the organizations module's own test).
 */
class OrganizationAdminPageTests extends LimberIntegrationTest {

	@Test
	void adminPagesManageDepartmentsAndRotateTheScimToken() {
		TestOrganization organization = onboard("pages");
		BrowserSession admin = BrowserSession.signIn(this.http, organization, "ada",
				Map.of("name", "Ada Admin", "roles", List.of("org-admin")));
		assertThat(admin.page("/org/admin")).contains("<h1>Organization: pages</h1>");

		EntityExchangeResult<byte[]> added = admin.submit("/org/admin", "/org/admin/departments",
				Map.of("name", "Logistics"));
		assertThat(added.getResponseHeaders().getLocation()).hasToString("/org/admin?done=department");
		assertThat(admin.page("/org/admin?done=department")).contains("Logistics").contains("Department added.");

		EntityExchangeResult<byte[]> rotated = admin.submit("/org/admin", "/org/admin/scim-token", Map.of());
		String body = new String(rotated.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("value=\"(scim_[^\"]+)\"").matcher(body);
		assertThat(token.find()).isTrue();
		this.http.get()
			.uri("/scim/v2/Users")
			.headers((headers) -> headers.setBearerAuth(token.group(1)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void employeesCannotOpenTheAdminPages() {
		TestOrganization organization = onboard("nopages");
		BrowserSession employee = BrowserSession.signIn(this.http, organization, "eve", Map.of("name", "Eve"));
		assertThat(employee.get("/org/admin").getStatus().value()).isEqualTo(403);
	}

}
