package dev.limber.app.fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.TestOrganization;

/**
 * One organization of the fuzz run: a token per role, and one of each thing the API can
 * name by id, made through the API. Every name carries the organization's slug, so the
 * other organization's data is recognizable in any response.
 */
final class FuzzTenant {

	final TestOrganization organization;

	final Map<String, String> tokens = new LinkedHashMap<>();

	/** Ids by the path segment that names them ("teams", "Users", ...). */
	final Map<String, String> ids = new LinkedHashMap<>();

	/** Strings that belong to this organization only. */
	final List<String> markers = new ArrayList<>();

	private final WebTestClient http;

	FuzzTenant(WebTestClient http, TestOrganization organization) {
		this.http = http;
		this.organization = organization;
		this.tokens.put("employee", organization.employee("emma"));
		this.tokens.put("team-lead", organization.token("lee", "team-lead"));
		this.tokens.put("hr-analyst", organization.token("hanna", "hr-analyst"));
		this.tokens.put("org-admin", organization.admin("ada"));
		this.markers.add(organization.slug());
		this.markers.add(organization.id().toString());
		this.ids.put("organizations", organization.id().toString());
		seed();
	}

	private void seed() {
		String admin = this.tokens.get("org-admin");
		String slug = this.organization.slug();
		for (String token : this.tokens.values()) {
			call("GET", "/api/v1/me", token, null);
		}
		this.tokens.put("scim", (String) call("POST", "/api/v1/org/scim-token", admin, null).get("token"));
		id("departments", call("POST", "/api/v1/org/departments", admin, Map.of("name", slug + "-department")));
		id("teams", call("POST", "/api/v1/org/teams", admin, Map.of("name", slug + "-team")));
		LocalDate start = LocalDate.now().plusDays(1);
		id("challenges",
				call("POST", "/api/v1/challenges", admin,
						Map.of("title", slug + "-challenge", "startsAt", start + "T08:00", "endsAt",
								start.plusWeeks(2) + "T08:00", "metric", "sessions", "dailyCap", 2, "newTeams",
								List.of(slug + "-challenge-team"), "published", true)));
		id("assessments", call("POST", "/api/v1/checklists/assessments", this.tokens.get("employee"), null));
		this.ids.put("checklist-items", slug.replaceAll("[^a-z0-9-]", "").substring(0, 12) + "-item");
		call("POST", "/api/v1/org/checklist-items", admin, Map.of("id", this.ids.get("checklist-items"), "section",
				"working-posture", "question", slug + " question?", "fix", slug + " fix."));
		id("Users", scim("/scim/v2/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], "
				+ "\"userName\": \"sam@" + slug + ".test\", \"externalId\": \"" + slug + "-sam\", \"active\": true}"));
		id("Groups", scim("/scim/v2/Groups", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], "
				+ "\"displayName\": \"" + slug + "-group\"}"));
		call("POST", "/api/v1/activities", this.tokens.get("employee"),
				Map.of("activity", "walking", "durationSeconds", 600));
	}

	private void id(String kind, Map<?, ?> created) {
		String id = String.valueOf(created.get("id"));
		this.ids.put(kind, id);
		this.markers.add(id);
	}

	private Map<?, ?> call(String method, String uri, String token, Object body) {
		WebTestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token));
		WebTestClient.ResponseSpec response = (body == null) ? request.exchange()
				: request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
		return response.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
	}

	private Map<?, ?> scim(String uri, String body) {
		return this.http.post()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.tokens.get("scim")))
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
