package dev.limber.programs.activity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging activities over the API with real tokens: retries, validation and privacy. */
class ActivityLoggingTests extends ModuleIntegrationTest {

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	TestOrganization organization;

	String erin;

	@BeforeEach
	void employee() {
		this.organization = onboard("activity");
		this.erin = this.organization.token("erin", Map.of("department", "Sales"));
	}

	@Test
	void loggedRoutineIsListedAndPublishedOnce() {
		String id = logged(post(this.erin, null, Map.of("routine", "desk-reset-5-min", "durationSeconds", 310)));
		list(this.erin).jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].id")
			.isEqualTo(id)
			.jsonPath("$[0].category")
			.isEqualTo("desk");
		assertThat(outboxEvents()).isEqualTo(1);
	}

	@Test
	void sameIdempotencyKeyTwiceCountsOnce() {
		Map<String, Object> body = Map.of("exercise", "pelvic-tilts", "durationSeconds", 60);
		String first = logged(post(this.erin, "key-1", body));
		String second = logged(post(this.erin, "key-1", body));
		assertThat(second).isEqualTo(first);
		list(this.erin).jsonPath("$.length()").isEqualTo(1);
		assertThat(outboxEvents()).isEqualTo(1);
	}

	@Test
	void concurrentDuplicatesCountOnce() {
		Map<String, Object> body = Map.of("activity", "walking", "durationSeconds", 900);
		Set<String> ids = Flux.range(0, 12)
			.flatMap((i) -> this.http.post().uri("/api/v1/activities").headers((headers) -> {
				headers.setBearerAuth(this.erin);
				headers.set("Idempotency-Key", "same-walk");
			})
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.returnResult(Map.class)
				.getResponseBody()
				.map((response) -> String.valueOf(response.get("id"))), 12)
			.collect(Collectors.toSet())
			.block();
		assertThat(ids).hasSize(1);
		list(this.erin).jsonPath("$.length()").isEqualTo(1);
		assertThat(outboxEvents()).isEqualTo(1);
	}

	@Test
	void sameKeyWithADifferentBodyIs422() {
		logged(post(this.erin, "key-2", Map.of("exercise", "cat-cow", "durationSeconds", 60)));
		post(this.erin, "key-2", Map.of("exercise", "cat-cow", "durationSeconds", 90)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unprocessable");
	}

	@Test
	void invalidRequestsAreProblemsAndWriteNothing() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Map<String, Object>> bad400 = List.of(Map.of("durationSeconds", 60),
				Map.of("routine", "tight-lower-back", "exercise", "cat-cow", "durationSeconds", 60),
				Map.of("exercise", "cat-cow", "durationSeconds", 0),
				Map.of("exercise", "cat-cow", "durationSeconds", 14401), Map.of("exercise", "cat-cow"),
				Map.of("exercise", "cat-cow", "durationSeconds", 60, "memberId", "someone-else"),
				Map.of("exercise", "cat-cow", "durationSeconds", 60, "completedAt", "yesterday"));
		for (Map<String, Object> body : bad400) {
			post(this.erin, null, body).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		List<Map<String, Object>> bad422 = List.of(Map.of("exercise", "no-such-stretch", "durationSeconds", 60),
				Map.of("activity", "cat-cow", "durationSeconds", 60),
				Map.of("exercise", "cat-cow", "durationSeconds", 60, "completedAt", now.plusMinutes(10).toString()),
				Map.of("exercise", "cat-cow", "durationSeconds", 60, "completedAt", now.minusHours(73).toString()));
		for (Map<String, Object> body : bad422) {
			post(this.erin, null, body).expectStatus().isEqualTo(422);
		}
		post(this.erin, "k".repeat(201), Map.of("exercise", "cat-cow", "durationSeconds", 60)).expectStatus()
			.isBadRequest();
		list(this.erin).jsonPath("$.length()").isEqualTo(0);
		assertThat(outboxEvents()).isZero();
	}

	@Test
	void backdatingWithin72HoursIsAccepted() {
		String completedAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(71).toString();
		logged(post(this.erin, null,
				Map.of("routine", "tight-lower-back", "durationSeconds", 665, "completedAt", completedAt)));
	}

	@Test
	void employeesNeverSeeEachOthersActivities() {
		String frank = this.organization.employee("frank");
		logged(post(this.erin, "shared-key", Map.of("exercise", "cat-cow", "durationSeconds", 60)));
		String franks = logged(post(frank, "shared-key", Map.of("exercise", "childs-pose", "durationSeconds", 60)));
		list(frank).jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(franks);
		TestOrganization other = onboard("activity-other");
		list(other.employee("erin")).jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void catalogListsExercisesAndRoutinesWithFilters() {
		this.http.get()
			.uri("/api/v1/exercises?deskFriendly=true")
			.headers((headers) -> headers.setBearerAuth(this.erin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.deskFriendly == false)]")
			.isEmpty()
			.jsonPath("$[0].slug")
			.exists();
		this.http.get()
			.uri("/api/v1/routines/tight-lower-back")
			.headers((headers) -> headers.setBearerAuth(this.erin))
			.exchange()
			.expectBody()
			.jsonPath("$.steps.length()")
			.isEqualTo(10)
			.jsonPath("$.name")
			.exists();
		this.http.get()
			.uri("/api/v1/exercises/no-such-thing")
			.headers((headers) -> headers.setBearerAuth(this.erin))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec post(String token, String key, Map<String, Object> body) {
		return this.http.post().uri("/api/v1/activities").headers((headers) -> {
			headers.setBearerAuth(token);
			if (key != null) {
				headers.set("Idempotency-Key", key);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static String logged(WebTestClient.ResponseSpec response) {
		Map<?, ?> body = response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(body).isNotNull();
		return String.valueOf(body.get("id"));
	}

	private WebTestClient.BodyContentSpec list(String token) {
		return this.http.get()
			.uri("/api/v1/activities")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private long outboxEvents() {
		return this.database.sql("select count(*) as n from programs.participation_outbox")
			.map((row, metadata) -> row.get("n", Long.class))
			.one()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.organization.id())))
			.block();
	}

}
