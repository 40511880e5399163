package dev.limber.app.programs;

import java.util.List;
import java.util.Map;

import biweekly.Biweekly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.ParticipationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ergonomic checklists, the break calendar feed, and exporting and deleting one's data.
 */
class WorkstationAndDataRightsTests extends LimberIntegrationTest {

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	TestOrganization organization;

	String erin;

	@BeforeEach
	void employee() {
		this.organization = onboard("workstation");
		this.erin = this.organization.token("erin", Map.of("department", "Sales"));
	}

	@Test
	void checklistFindingsExplainFixesAndLinkExercises() {
		String id = String
			.valueOf(call(this.erin, HttpMethod.POST, "/api/v1/checklists/assessments", null).expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id"));
		call(this.erin, HttpMethod.PUT, "/api/v1/checklists/assessments/" + id + "/sections/working-posture",
				Map.of("answers", Map.of("back-supported", false, "legs-uncrossed", true, "shoulders-relaxed", true)))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.answered")
			.isEqualTo(3);
		call(this.erin, HttpMethod.PUT, "/api/v1/checklists/assessments/" + id + "/sections/chair",
				Map.of("answers", Map.of("back-supported", true)))
			.expectStatus()
			.isEqualTo(422);
		call(this.erin, HttpMethod.POST, "/api/v1/checklists/assessments/" + id + "/complete", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.failedSections[0]")
			.isEqualTo("working-posture")
			.jsonPath("$.findings[0].fix")
			.exists()
			.jsonPath("$.findings[0].exercises[0].slug")
			.isEqualTo("seated-posture-reset");
		call(this.erin, HttpMethod.GET, "/api/v1/checklists/assessments", null).expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
		assertThat(count("select count(*) as n from programs.participation_outbox where event_type = '"
				+ ParticipationEvent.Type.CHECKLIST_COMPLETED.stored() + "'"))
			.isEqualTo(1);
	}

	@Test
	void organizationItemsAppearForThatOrganizationOnly() {
		call(this.organization.admin("ada"), HttpMethod.POST, "/api/v1/org/checklist-items",
				Map.of("id", "headset", "section", "keyboard-mouse", "question", "Do you use a headset for long calls?",
						"fix", "Ask IT for a headset.", "exercises", List.of("shoulder-rolls")))
			.expectStatus()
			.isCreated();
		call(this.erin, HttpMethod.GET, "/api/v1/checklists", null).expectBody()
			.jsonPath("$[?(@.id == 'keyboard-mouse')].items[?(@.id == 'headset')]")
			.exists();
		TestOrganization other = onboard("workstation-other");
		call(other.employee("otto"), HttpMethod.GET, "/api/v1/checklists", null).expectBody()
			.jsonPath("$[?(@.id == 'keyboard-mouse')].items[?(@.id == 'headset')]")
			.doesNotExist();
	}

	@Test
	void calendarFeedServesBreaksAndRevokedUrlsAre404() {
		call(this.erin, HttpMethod.PUT, "/api/v1/me/reminders", Map.of("workStart", "08:00", "workEnd", "12:00",
				"workDays", List.of("MONDAY", "WEDNESDAY"), "intervalMinutes", 45, "timeZone", "Europe/Berlin"))
			.expectStatus()
			.isOk();
		call(this.erin, HttpMethod.PUT, "/api/v1/me/reminders", Map.of("workStart", "08:00", "workEnd", "12:00",
				"workDays", List.of("MONDAY"), "intervalMinutes", 20, "timeZone", "Europe/Berlin"))
			.expectStatus()
			.isBadRequest();
		String url = feedUrl();
		String path = url.substring(url.indexOf("/calendar/"));
		String feed = this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(Biweekly.parse(feed).first().getEvents()).hasSize(8 * 5);

		String rotated = feedUrl();
		this.http.get().uri(path).exchange().expectStatus().isNotFound();
		call(this.erin, HttpMethod.DELETE, "/api/v1/me/reminders/feed", null).expectStatus().isNoContent();
		this.http.get().uri(rotated.substring(rotated.indexOf("/calendar/"))).exchange().expectStatus().isNotFound();
	}

	@Test
	void exportHasEverythingAndDeletionLeavesNoRowOfTheMember() {
		String memberId = String.valueOf(call(this.erin, HttpMethod.GET, "/api/v1/me", null).expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		call(this.erin, HttpMethod.POST, "/api/v1/activities",
				Map.of("routine", "desk-reset-5-min", "durationSeconds", 300))
			.expectStatus()
			.isCreated();
		call(this.erin, HttpMethod.POST, "/api/v1/screening", Map.of("anySignApplies", false)).expectStatus().isOk();
		call(this.erin, HttpMethod.POST, "/api/v1/enrollments", Map.of("program", "back-care-6-weeks")).expectStatus()
			.isCreated();
		call(this.erin, HttpMethod.POST, "/api/v1/checklists/assessments", null).expectStatus().isCreated();
		feedUrl();

		call(this.erin, HttpMethod.GET, "/api/v1/me/export", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.profile.email")
			.isEqualTo("erin@" + this.organization.slug() + ".test")
			.jsonPath("$.programs.activities.length()")
			.isEqualTo(1)
			.jsonPath("$.programs.enrollments[0].program_slug")
			.isEqualTo("back-care-6-weeks")
			.jsonPath("$.programs.screeningAcknowledgement.length()")
			.isEqualTo(1)
			.jsonPath("$.programs.assessments.length()")
			.isEqualTo(1)
			.jsonPath("$.programs.reminderSettings[0].calendar_feed_active")
			.isEqualTo(true);

		long events = count("select count(*) as n from programs.participation_outbox");
		call(this.erin, HttpMethod.DELETE, "/api/v1/me", null).expectStatus().isNoContent();

		List<String> tables = this.database
			.sql("""
					select table_schema || '.' || table_name as name from information_schema.columns
					where column_name = 'member_id' and table_schema in ('organizations', 'programs', 'challenges', 'reporting')""")
			.map((row, metadata) -> row.get("name", String.class))
			.all()
			.collectList()
			.block();
		assertThat(tables).contains("programs.activity", "programs.enrollment", "organizations.team_membership");
		for (String table : tables) {
			assertThat(count("select count(*) as n from " + table + " where member_id = '" + memberId + "'")).as(table)
				.isZero();
		}
		assertThat(count("select count(*) as n from organizations.member where id = '" + memberId + "'")).isZero();
		assertThat(count("select count(*) as n from programs.participation_outbox")).isEqualTo(events);
		assertThat(count("select count(*) as n from programs.participation_outbox where payload::text like '%"
				+ memberId + "%'"))
			.isZero();
	}

	private String feedUrl() {
		return String.valueOf(call(this.erin, HttpMethod.POST, "/api/v1/me/reminders/feed", null).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("url"));
	}

	private long count(String sql) {
		return Flux.from(this.database.sql(sql).map((row, metadata) -> row.get("n", Long.class)).one())
			.single()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.organization.id())))
			.block();
	}

	private WebTestClient.ResponseSpec call(String token, HttpMethod method, String uri, Object body) {
		WebTestClient.RequestBodySpec request = this.http.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token));
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
