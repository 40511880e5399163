package dev.limber.app.security;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile inputs that ended in 500s (issue 17, finding 7), and the own-content and
 * challenge-date holes (findings 8 and 9): each is a 4xx now, SCIM's in SCIM's format.
 */
class HostileInputTests extends LimberIntegrationTest {

	static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

	TestOrganization organization;

	String admin;

	@BeforeEach
	void organization() {
		this.organization = onboard("hostile");
		this.admin = this.organization.admin("ada");
	}

	@Test
	void nulAndLoneSurrogatesInJsonTextAre400() {
		json(HttpMethod.POST, "/api/v1/org/departments", this.admin, "{\"name\": \"Ops\\u0000\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/validation-failed");
		json(HttpMethod.POST, "/api/v1/org/departments", this.admin, "{\"name\": \"Ops\\ud800\"}").expectStatus()
			.isBadRequest();
		json(HttpMethod.POST, "/api/v1/org/exercises", this.admin, "{\"slug\\u0000\": 1}").expectStatus()
			.isBadRequest();
		// text people write, newlines and right-to-left marks included, still passes
		json(HttpMethod.POST, "/api/v1/org/departments", this.admin, "{\"name\": \"Ops \\u202eEast\\n\"}")
			.expectStatus()
			.isCreated();
	}

	@Test
	void nulInAReportFilterOrPathIs400() {
		String hr = this.organization.token("analyst", "hr-analyst");
		this.http.get()
			.uri(URI.create(baseUrl() + "/api/v1/reports/programs?from=2026-01-01&to=2026-02-01&department=%00"))
			.headers((headers) -> headers.setBearerAuth(hr))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/validation-failed");
		this.http.delete()
			.uri(URI.create(baseUrl() + "/api/v1/org/exercises/a%00b"))
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void hostileQueriesOnPagesGetTheErrorPageWith400() {
		BrowserSession browser = BrowserSession.signIn(this.http, this.organization, "eve", Map.of());
		assertThat(browser.get(baseUrl() + "/library?bodyArea=%00").getStatus().value()).isEqualTo(400);
	}

	@Test
	void reportDatesOutsideTheWindowAre400AndNeverReachTheDatabase() {
		String hr = this.organization.token("analyst", "hr-analyst");
		long started = System.nanoTime();
		get("/api/v1/reports/programs?from=-4714-01-01&to=-4714-02-01&interval=month", hr).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/validation-failed");
		get("/api/v1/reports/participation?from=1999-12-01&to=2000-01-31&interval=month", hr).expectStatus()
			.isBadRequest();
		get("/api/v1/reports/challenges?from=2026-01-01&to=+999999999-12-31&interval=month", hr).expectStatus()
			.isBadRequest();
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
		LocalDate last = LocalDate.now().plusYears(2);
		get("/api/v1/reports/programs?from=" + last.minusMonths(2) + "&to=" + last + "&interval=month", hr)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods.length()")
			.isEqualTo(3);
	}

	@Test
	void activityDatesOutsideTheWindowAre400() {
		String employee = this.organization.employee("eve");
		get("/api/v1/activities?from=-999999999-01-01", employee).expectStatus().isBadRequest();
		json(HttpMethod.POST, "/api/v1/activities", employee,
				"{\"activity\": \"walking\", \"durationSeconds\": 60, \"completedAt\": \"+99999-01-01T00:00:00Z\"}")
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void challengeDatesAreBounded() {
		String body = """
				{"title": "Steps", "startsAt": "%s", "endsAt": "%s", "metric": "sessions", "dailyCap": 2,
				 "newTeams": ["Blue"], "published": true}""";
		json(HttpMethod.POST, "/api/v1/challenges", this.admin, body.formatted("0000-01-01T08:00", "0000-02-01T08:00"))
			.expectStatus()
			.isBadRequest();
		json(HttpMethod.POST, "/api/v1/challenges", this.admin,
				body.formatted("+10000-01-01T08:00", "+10000-02-01T08:00"))
			.expectStatus()
			.isBadRequest();
		// the array form of a date is not text, so the challenge rules bound it too
		json(HttpMethod.POST, "/api/v1/challenges", this.admin,
				body.replace("\"%s\"", "%s").formatted("[0, 1, 1, 8, 0]", "[0, 2, 1, 8, 0]"))
			.expectStatus()
			.is4xxClientError();
		LocalDate start = LocalDate.now().plusDays(1);
		String id = (String) json(HttpMethod.POST, "/api/v1/challenges", this.admin,
				body.formatted(start + "T08:00", start.plusWeeks(2) + "T08:00"))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		// moved to year 0 it would be running and stuck
		json(HttpMethod.PUT, "/api/v1/challenges/" + id, this.admin,
				body.formatted("0000-01-01T08:00", start.plusWeeks(2) + "T08:00"))
			.expectStatus()
			.isBadRequest();
		get("/api/v1/challenges/" + id, this.admin).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("scheduled");
	}

	@Test
	void nullChecklistAnswerIs400() {
		String employee = this.organization.employee("eve");
		String id = (String) json(HttpMethod.POST, "/api/v1/checklists/assessments", employee, null).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		json(HttpMethod.PUT, "/api/v1/checklists/assessments/" + id + "/sections/working-posture", employee,
				"{\"answers\": {\"back-supported\": null}}")
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void ownChecklistItemsHaveTheirOwnIdsAndCanBeDeleted() {
		String item = """
				{"id": "%s", "section": "working-posture", "question": "Is your chair yours?", "fix": "Claim it."}""";
		json(HttpMethod.POST, "/api/v1/org/checklist-items", this.admin, item.formatted("own-chair")).expectStatus()
			.isCreated();
		json(HttpMethod.POST, "/api/v1/org/checklist-items", this.admin, item.formatted("own-chair")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/conflict");
		// a default item's id would share that item's answers
		json(HttpMethod.POST, "/api/v1/org/checklist-items", this.admin, item.formatted("back-supported"))
			.expectStatus()
			.isEqualTo(409);
		json(HttpMethod.DELETE, "/api/v1/org/checklist-items/own-chair", this.admin, null).expectStatus().isNoContent();
		json(HttpMethod.DELETE, "/api/v1/org/checklist-items/own-chair", this.admin, null).expectStatus().isNotFound();
		get("/api/v1/checklists", this.admin).expectBody(String.class)
			.value((sections) -> assertThat(sections).doesNotContain("own-chair"));
	}

	@Test
	void ownContentSlugsAreSlugs() {
		String exercise = """
				{"slug": "%s", "name": "Desk neck tilt", "category": "stretch", "bodyAreas": ["neck"],
				 "position": "seated", "equipment": ["chair"], "deskFriendly": true, "steps": ["Sit tall."],
				 "dosage": {"holdSeconds": {"min": 20, "max": 30}, "reps": {"min": 1, "max": 2},
				            "sets": {"min": 1, "max": 1}, "perSide": true},
				 "muscles": ["upper trapezius"], "cautions": ["Move slowly."], "sources": ["own"]}""";
		for (String slug : new String[] { "<script>alert(1)</script>", "Wall Push", "a/b", "x".repeat(81), "-x" }) {
			json(HttpMethod.POST, "/api/v1/org/exercises", this.admin, exercise.formatted(slug)).expectStatus()
				.isEqualTo(422);
		}
		json(HttpMethod.POST, "/api/v1/org/exercises", this.admin, exercise.formatted("x".repeat(200_000)))
			.expectStatus()
			.is4xxClientError();
		json(HttpMethod.POST, "/api/v1/org/exercises", this.admin, exercise.formatted("own-wall-push")).expectStatus()
			.isCreated();
		json(HttpMethod.DELETE, "/api/v1/org/exercises/own-wall-push", this.admin, null).expectStatus().isNoContent();
	}

	@Test
	void scimGroupNamesUpTo256AndNullBodiesGetScimErrors() {
		String token = (String) json(HttpMethod.POST, "/api/v1/org/scim-token", this.admin, null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
		String group = "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"%s\"}";
		scim(HttpMethod.POST, "/scim/v2/Groups", token, group.formatted("g".repeat(256))).expectStatus().isCreated();
		scim(HttpMethod.POST, "/scim/v2/Groups", token, group.formatted("h".repeat(257))).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(SCIM)
			.expectBody()
			.jsonPath("$.schemas[0]")
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		for (String path : new String[] { "/scim/v2/Users", "/scim/v2/Groups" }) {
			scim(HttpMethod.POST, path, token, "null").expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.schemas[0]")
				.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		}
		scim(HttpMethod.POST, "/scim/v2/Users", token,
				"{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"a\\u0000b\"}")
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(SCIM)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("400");
	}

	@Test
	void remindersFormRefusesABreakOutsideItsRange() {
		BrowserSession browser = BrowserSession.signIn(this.http, this.organization, "eve", Map.of());
		var result = browser.submit("/reminders", "/reminders", Map.of("workStart", "09:00", "workEnd", "17:00", "days",
				"MONDAY", "intervalMinutes", "60", "breakMinutes", "99", "timeZone", "Europe/Berlin"));
		assertThat(result.getStatus().value()).isEqualTo(422);
	}

	private WebTestClient.ResponseSpec get(String uri, String token) {
		return this.http.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec json(HttpMethod method, String uri, String token, String body) {
		WebTestClient.RequestBodySpec request = this.http.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token));
		return (body == null) ? request.exchange()
				: request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec scim(HttpMethod method, String uri, String token, String body) {
		return this.http.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(SCIM)
			.bodyValue(body)
			.exchange();
	}

}
