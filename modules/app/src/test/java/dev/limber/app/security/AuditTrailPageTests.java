package dev.limber.app.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.testing.TestIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins read their organization's audit trail on a page of the application's layout, in
 * English and German (the API is the organizations module's own test).
 */
class AuditTrailPageTests extends LimberIntegrationTest {

	@Test
	void adminsReadItOnTheirPageInEnglishAndGerman() {
		TestOrganization organization = onboard("audit-page");
		BrowserSession admin = BrowserSession.signIn(this.http, organization, "ada",
				Map.of("name", "Ada Admin", "roles", List.of("org-admin")));
		admin.submit("/org/admin", "/org/admin/scim-token", Map.of());
		String english = admin.page("/org/admin/audit", "en");
		assertThat(english).contains("<h1>Audit log</h1>").contains("scim-token.created").contains("Ada Admin");
		assertThat(admin.page("/org/admin/audit?action=threshold.changed", "en")).contains("No entries.");
		assertThat(admin.page("/org/admin/audit", "de")).contains("<h1>Änderungsprotokoll</h1>");
		assertThat(admin.page("/org/admin/audit.csv")).contains("scim-token.created");
		BrowserSession employee = BrowserSession.signIn(this.http, organization, "eve", Map.of("name", "Eve"));
		assertThat(employee.get("/org/admin/audit").getStatus().value()).isEqualTo(403);
	}

}
