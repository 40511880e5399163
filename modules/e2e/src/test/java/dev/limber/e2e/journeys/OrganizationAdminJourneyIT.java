package dev.limber.e2e.journeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.limber.e2e.support.BrowserSuite;
import dev.limber.e2e.support.Run;
import dev.limber.e2e.support.Visit;
import dev.limber.e2e.support.Visits;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization admin rotates the SCIM token twice: each new token works against the
 * SCIM API at once, and the one before it stops working.
 */
@ExtendWith(BrowserSuite.class)
class OrganizationAdminJourneyIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.limber.e2e.support.Run#all")
	void rotatesScimToken(Run run, Visits visits) throws Exception {
		Visit admin = visits.open(run);
		admin.signIn("admin");
		admin.nav("nav.orgAdmin").click();
		admin.arrivedAt("/org/admin");

		String first = rotate(admin);
		assertThat(scimStatus(admin, first)).isEqualTo(200);
		String second = rotate(admin);
		assertThat(second).isNotEqualTo(first);
		assertThat(scimStatus(admin, second)).isEqualTo(200);
		assertThat(scimStatus(admin, first)).isEqualTo(401);
	}

	private static String rotate(Visit admin) {
		Page page = admin.page();
		admin.button("admin.scim.rotate").click();
		admin.arrivedAt("/org/admin/scim-token");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(admin.text("admin.scim.shownOnce"));
		return admin.field("admin.scim.token").inputValue();
	}

	private int scimStatus(Visit admin, String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/scim/v2/Users"))
			.header("Authorization", "Bearer " + token)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
