package dev.limber.programs.enrollment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/** Screening, enrollment, today's plan and streaks, over the API. */
class EnrollmentTests extends ModuleIntegrationTest {

	@Autowired
	MovableClock clock;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	String token;

	TenantId tenant;

	@BeforeEach
	void employee() {
		TestOrganization organization = onboard("enroll");
		this.token = organization.employee("erin");
		this.tenant = new TenantId(organization.id());
	}

	@Test
	void enrollmentNeedsTheScreeningAndAWarningSignIsNeverStored() {
		enroll("back-care-6-weeks").expectStatus().isEqualTo(409);
		call("POST", "/api/v1/screening", Map.of("anySignApplies", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledged")
			.isEqualTo(false)
			.jsonPath("$.advice")
			.exists()
			.jsonPath("$.gentleRoutines")
			.isEqualTo(java.util.List.of("easy-walk"));
		call("GET", "/api/v1/screening", null).expectBody().jsonPath("$.acknowledged").isEqualTo(false);
		enroll("back-care-6-weeks").expectStatus().isEqualTo(409);

		call("POST", "/api/v1/screening", Map.of("anySignApplies", false)).expectBody()
			.jsonPath("$.acknowledged")
			.isEqualTo(true)
			.jsonPath("$.warningSigns.length()")
			.isEqualTo(8);
		enroll("back-care-6-weeks").expectStatus().isCreated();
		enroll("desk-worker-starter-2-weeks").expectStatus().isEqualTo(409);
		enroll("no-such-program").expectStatus().isEqualTo(422);
	}

	@Test
	void todayShowsThePlanWhatIsDoneAndTheStreak() {
		call("POST", "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
		enroll("back-care-6-weeks").expectStatus().isCreated();
		today().jsonPath("$.program")
			.isEqualTo("back-care-6-weeks")
			.jsonPath("$.week")
			.isEqualTo(1)
			.jsonPath("$.day")
			.isEqualTo(1)
			.jsonPath("$.routines[0].slug")
			.isEqualTo("tight-lower-back")
			.jsonPath("$.routines[0].done")
			.isEqualTo(false)
			.jsonPath("$.streak")
			.isEqualTo(0);

		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		logRoutine(now.minusHours(48));
		logRoutine(now.minusHours(24));
		logRoutine(now);
		today().jsonPath("$.routines[0].done").isEqualTo(true).jsonPath("$.streak").isEqualTo(3);

		call("DELETE", "/api/v1/enrollments/current", null).expectStatus().isNoContent();
		today().jsonPath("$.program").doesNotExist().jsonPath("$.streak").isEqualTo(3);
	}

	/**
	 * Reading today's plan writes nothing; the member's next write completes the program.
	 */
	@Test
	void aProgramPastItsLastDayShowsFinishedAndTheNextWriteCompletesIt() {
		call("POST", "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
		enroll("desk-worker-starter-2-weeks").expectStatus().isCreated();
		this.clock.advance(Duration.ofDays(15));
		today().jsonPath("$.programFinished").isEqualTo(true);
		today().jsonPath("$.programFinished").isEqualTo(true);
		assertThat(statuses()).containsExactly("active");

		logRoutine(OffsetDateTime.now(this.clock));
		assertThat(statuses()).containsExactly("completed");
		today().jsonPath("$.program").doesNotExist();
	}

	@Test
	void enrollingAgainCompletesAProgramPastItsLastDay() {
		call("POST", "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
		enroll("desk-worker-starter-2-weeks").expectStatus().isCreated();
		this.clock.advance(Duration.ofDays(15));
		today().jsonPath("$.programFinished").isEqualTo(true);
		enroll("back-care-6-weeks").expectStatus().isCreated();
		assertThat(statuses()).containsExactlyInAnyOrder("completed", "active");
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	private List<String> statuses() {
		return this.database.sql("select status from programs.enrollment")
			.map((row, metadata) -> row.get("status", String.class))
			.all()
			.collectList()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(this.tenant))
			.block();
	}

	@Test
	void programsAreListed() {
		call("GET", "/api/v1/programs", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.slug == 'back-care-6-weeks')].weeks")
			.isEqualTo(6);
	}

	private void logRoutine(OffsetDateTime completedAt) {
		call("POST", "/api/v1/activities",
				Map.of("routine", "tight-lower-back", "durationSeconds", 665, "completedAt", completedAt.toString()))
			.expectStatus()
			.isCreated();
	}

	private WebTestClient.BodyContentSpec today() {
		return call("GET", "/api/v1/me/today", null).expectStatus().isOk().expectBody();
	}

	private WebTestClient.ResponseSpec enroll(String program) {
		return call("POST", "/api/v1/enrollments", Map.of("program", program));
	}

	private WebTestClient.ResponseSpec call(String method, String uri, Object body) {
		WebTestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.token));
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
