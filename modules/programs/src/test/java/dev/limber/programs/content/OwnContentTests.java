package dev.limber.programs.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.programs.testing.OwnExercises;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organizations add their own exercises and routines; the global catalog stays read-only.
 */
class OwnContentTests extends ModuleIntegrationTest {

	@Autowired
	DatabaseClient database;

	TestOrganization acme;

	String admin;

	@BeforeEach
	void organization() {
		this.acme = onboard("content");
		this.admin = this.acme.admin("ada");
	}

	@Test
	void ownExerciseAndRoutineAreServedToThatOrganizationOnly() {
		post("/api/v1/org/exercises", OwnExercises.NECK_TILT).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.cautions[0]")
			.isEqualTo("Stop right away if you feel sharp pain.");
		post("/api/v1/org/routines", Map.of("slug", "acme-desk-break", "name", "Acme desk break", "description",
				"Neck and shoulders.", "category", "desk", "sources", List.of("acme"), "steps",
				List.of(Map.of("exercise", "desk-neck-tilt"), Map.of("exercise", "shoulder-rolls", "reps", 10))))
			.expectStatus()
			.isCreated();

		String employee = this.acme.employee("erin");
		get("/api/v1/exercises/desk-neck-tilt", employee).expectStatus().isOk();
		get("/api/v1/routines/acme-desk-break", employee).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalSeconds")
			.isNumber();
		this.http.post()
			.uri("/api/v1/activities")
			.headers((headers) -> headers.setBearerAuth(employee))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("routine", "acme-desk-break", "durationSeconds", 120))
			.exchange()
			.expectStatus()
			.isCreated();

		TestOrganization other = onboard("content-other");
		get("/api/v1/exercises/desk-neck-tilt", other.employee("otto")).expectStatus().isNotFound();
	}

	@Test
	void globalEntriesCannotBeReplacedAndBrokenContentIsRefused() {
		Map<String, Object> clash = new java.util.HashMap<>(OwnExercises.NECK_TILT);
		clash.put("slug", "cat-cow");
		post("/api/v1/org/exercises", clash).expectStatus().isEqualTo(422);
		Map<String, Object> noSteps = new java.util.HashMap<>(OwnExercises.NECK_TILT);
		noSteps.remove("steps");
		post("/api/v1/org/exercises", noSteps).expectStatus().isEqualTo(422);
		post("/api/v1/org/routines",
				Map.of("slug", "broken", "name", "Broken", "description", "x", "category", "desk", "sources",
						List.of("x"), "steps", List.of(Map.of("exercise", "no-such-exercise"))))
			.expectStatus()
			.isEqualTo(422);
		this.http.post()
			.uri("/api/v1/org/exercises")
			.headers((headers) -> headers.setBearerAuth(this.acme.employee("erin")))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(OwnExercises.NECK_TILT)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void theGlobalCatalogIsInTheDatabaseAndReadOnlyForTheApp() {
		Long exercises = this.database.sql("select count(*) as n from programs.catalog_exercise")
			.map((row, metadata) -> row.get("n", Long.class))
			.one()
			.block();
		assertThat(exercises).isGreaterThanOrEqualTo(40);
		assertThatThrownBy(() -> this.database.sql("update programs.catalog_exercise set name = 'hacked'")
			.fetch()
			.rowsUpdated()
			.block()).hasMessageContaining("permission denied");
	}

	private WebTestClient.ResponseSpec post(String uri, Map<String, Object> body) {
		return this.http.post()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec get(String uri, String token) {
		return this.http.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
