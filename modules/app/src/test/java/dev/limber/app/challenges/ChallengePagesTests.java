package dev.limber.app.challenges;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team lead creates a challenge through the form; a colleague joins it from its page.
 */
class ChallengePagesTests extends LimberIntegrationTest {

	@Test
	void aTeamLeadCreatesAChallengeAndAColleagueJoinsIt() {
		TestOrganization organization = onboard("pages");
		BrowserSession lead = BrowserSession.signIn(this.http, organization, "lead",
				Map.of("name", "Liam Lead", "groups", List.of("Blue"), "roles", List.of("team-lead")));
		BrowserSession employee = BrowserSession.signIn(this.http, organization, "emma",
				Map.of("name", "Emma Employee", "groups", List.of("Blue")));
		assertThat(employee.get("/challenges/new").getStatus().value()).isEqualTo(403);

		String form = lead.page("/challenges/new");
		String blueTeam = form.replaceAll("(?s).*name=\"teams\" id=\"org-team-0\" value=\"([^\"]+)\".*", "$1");
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
		Map<String, String> fields = new java.util.HashMap<>(
				Map.of("title", "Lunchtime stretch", "description", "Ten minutes after lunch.", "startsAt",
						now.minusDays(1).toString(), "endsAt", now.plusDays(6).toString(), "metric", "minutes",
						"dailyCap", "15", "graceHours", "72", "teams", blueTeam, "published", "true"));
		fields.put("showIndividuals", "true");
		EntityExchangeResult<byte[]> created = lead.submit("/challenges/new", "/challenges", fields);
		String location = created.getResponseHeaders().getLocation().toString();
		assertThat(location).matches("/challenges/[0-9a-f-]{36}\\?saved");
		String path = location.substring(0, location.indexOf('?'));

		assertThat(employee.page("/challenges")).contains("Lunchtime stretch");
		EntityExchangeResult<byte[]> joined = employee.submit(path, path + "/join", Map.of("showName", "true"));
		assertThat(joined.getResponseHeaders().getLocation()).hasToString(path + "?joined");
		String page = employee.page(path);
		assertThat(page).contains("Blue")
			.contains("You have 0.0, for Blue.")
			.contains("data-live=\"" + path + "/live\"");

		// Rules are locked once it runs: the form says why instead of saving.
		fields.put("dailyCap", "50");
		String refused = new String(lead.submit(path + "/edit", path, fields).getResponseBody());
		assertThat(refused).contains("role=\"alert\"").contains("only its title and description");
	}

}
