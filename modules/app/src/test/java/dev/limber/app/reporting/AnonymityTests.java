package dev.limber.app.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.reporting.testing.ReportingFixture;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release tables as HR meets them (the red team in {@code redteam} checks the
 * guarantee itself): closed periods only, cells of at least k, ranges instead of small or
 * near-total counts, refusals that name the rule, figures that never change once
 * released, k fixed per released month, and an audit entry for every release and refusal.
 * An organization of 45 with k = 5: Sales 24 (6 active in Berlin, 6 idle in Hamburg, 12
 * idle in Munich), Ops 10 (4 active in Berlin), Legal 4 (active), Design 6 (4 active in
 * Berlin), and the analyst.
 */
class AnonymityTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	MovableClock clock;

	TestOrganization organization;

	String hr;

	String week;

	@BeforeEach
	void organizationOfFortyFour() {
		this.organization = onboard("anon");
		ReportingFixture.populate(this.http, this.organization,
				List.of(new ReportingFixture.Group("Sales", "Berlin", 6),
						new ReportingFixture.Group("Ops", "Berlin", 4),
						new ReportingFixture.Group("Legal", "Berlin", 4),
						new ReportingFixture.Group("Design", "Berlin", 4)),
				1);
		// people who are members but did nothing this week
		ReportingFixture.populate(this.http, this.organization, List.of(
				new ReportingFixture.Group("Sales", "Munich", 12), new ReportingFixture.Group("Sales", "Hamburg", 6),
				new ReportingFixture.Group("Ops", "Munich", 6), new ReportingFixture.Group("Design", "Munich", 2)), 0);
		this.organization.token("analyst", "hr-analyst");
		this.http.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(this.organization.token("analyst", "hr-analyst")))
			.exchange()
			.expectStatus()
			.isOk();
		this.consumer.drain().block();
		sql("update organizations.member set created_at = created_at - interval '60 days'");
		this.hr = this.organization.token("analyst", "hr-analyst");
		this.week = LocalDate.now().toString();
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void theRunningPeriodIsListedButShowsNothing() {
		Map<?, ?> period = period(json("groupBy=department"));
		assertThat(period.get("released")).isEqualTo(false);
		assertThat(period.get("total")).isNull();
		assertThat((List<?>) period.get("groups")).isEmpty();
	}

	@Test
	void closedPeriodsShowCellsOfAtLeastKWithRangesForSmallOrNearlyAllCounts() {
		close();
		Map<?, ?> period = period(json("groupBy=department"));
		Map<String, Map<?, ?>> groups = new LinkedHashMap<>();
		((List<?>) period.get("groups"))
			.forEach((group) -> groups.put((String) ((Map<?, ?>) group).get("group"), (Map<?, ?>) group));
		// Legal (4) is pooled with the analyst, who has no department: never shown alone
		assertThat(groups.keySet()).containsExactly("(unknown) + Legal", "Design", "Ops", "Sales");
		assertThat(groups.values()).allMatch((cell) -> ((Number) cell.get("eligible")).longValue() >= 5);
		// Ops: 4 of 10 took part, fewer than k: a range that also holds zero; sessions of
		// fewer than k are not shown
		assertThat(groups.get("Ops").get("participants")).isEqualTo(Map.of("min", 0, "max", 4));
		assertThat(groups.get("Ops").get("sessions")).isEqualTo(Map.of("min", 0));
		// Sales is two cells: Munich (12, nobody: 0 to 4) and Berlin with Hamburg (12, 6
		// took part: exact)
		assertThat(groups.get("Sales").get("participants")).isEqualTo(Map.of("min", 6, "max", 10));
		Map<String, Map<?, ?>> sales = new LinkedHashMap<>();
		((List<?>) period(json("department=Sales&groupBy=location")).get("groups"))
			.forEach((group) -> sales.put((String) ((Map<?, ?>) group).get("group"), (Map<?, ?>) group));
		assertThat(sales.keySet()).containsExactly("Berlin + Hamburg", "Munich");
		assertThat(sales.get("Berlin + Hamburg").get("participants")).isEqualTo(Map.of("value", 6));
		assertThat(sales.get("Berlin + Hamburg").get("sessions")).isEqualTo(Map.of("value", 6));
		assertThat(sales.get("Berlin + Hamburg").get("participationRate")).isEqualTo(Map.of("value", 0.5));
		assertThat(sales.get("Munich").get("participants")).isEqualTo(Map.of("min", 0, "max", 4));
	}

	@Test
	void aFilterThatIsNotAUnionOfCellsIsRefusedWhateverTheFigures() {
		close();
		// Sales in Munich (12) is its own cell: allowed; Design in Munich (2) is part of
		// the Design cell: refused
		status("department=Sales&location=Munich").isOk();
		call("department=Design&location=Munich").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(String.valueOf(detail)).contains("whole groups of at least 5"));
		// a location cuts through pooled cells: refused before any figure is read
		status("location=Berlin").isEqualTo(422);
		assertThat(count("select count(*) from organizations.audit_event where action = 'report.refused'"))
			.isEqualTo(2);
		assertThat(count("select count(*) from organizations.audit_event where action = 'report.released' "
				+ "and subject = 'participation' and details ->> 'population' like 'department=Sales%'"))
			.isEqualTo(1);
	}

	@Test
	void releasedFiguresNeverChangeWhateverHappensToMembership() {
		close();
		String before = json("groupBy=department").toString();
		// a departure that deletes its data, a move, and new hires after the release
		this.http.delete()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(
					this.organization.token("Sales-Berlin-0", Map.of("department", "Sales", "location", "Berlin"))))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		this.organization.token("Ops-Berlin-0", Map.of("department", "Legal", "location", "Berlin"));
		ReportingFixture.populate(this.http, this.organization,
				List.of(new ReportingFixture.Group("Legal", "Munich", 6)), 0);
		assertThat(json("groupBy=department").toString()).isEqualTo(before);
	}

	@Test
	void aRaisedThresholdAppliesToPeriodsNotYetReleasedOnly() {
		close();
		Map<?, ?> released = json("groupBy=department");
		raiseTheThreshold(10);
		assertThat(json("groupBy=department").get("periods")).isEqualTo(released.get("periods"));
		// a week of a later month was never released: its cells are built for k = 10
		this.clock.advance(Duration.ofDays(35));
		this.week = LocalDate.now().plusDays(35).toString();
		Map<?, ?> next = json("groupBy=department");
		assertThat(next.get("minGroupSize")).isEqualTo(10);
		assertThat(period(next).get("minGroupSize")).isEqualTo(10);
		assertThat((List<?>) period(next).get("groups"))
			.allMatch((cell) -> ((Number) ((Map<?, ?>) cell).get("eligible")).longValue() >= 10);
	}

	@Test
	void theCsvCarriesTheSameFiguresAndRanges() {
		close();
		String csv = this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.week + "&to=" + this.week
					+ "&department=Sales&groupBy=location")
			.headers((headers) -> {
				headers.setBearerAuth(this.hr);
				headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines().filter((line) -> line.contains(",Berlin + Hamburg,"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(",12,6,,,0.5,6,,,"));
		assertThat(csv.lines().filter((line) -> line.contains(",Munich,"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(",12,,0,4,,,0,,"));
		assertThat(csv.lines().filter((line) -> line.contains(",(total),"))).singleElement()
			.satisfies((line) -> assertThat(line).contains(",24,,6,10,"));
	}

	@Test
	void employeesCannotReadReports() {
		this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.week + "&to=" + this.week)
			.headers((headers) -> headers.setBearerAuth(this.organization.employee("eve")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private void close() {
		this.clock.advance(Duration.ofDays(14));
	}

	private void raiseTheThreshold(int k) {
		String admin = this.organization.admin("ada");
		Map<?, ?> settings = this.http.get()
			.uri("/api/v1/org/settings")
			.headers((h) -> h.setBearerAuth(admin))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("displayName", settings.get("displayName"));
		changed.put("emailDomains", settings.get("emailDomains"));
		changed.put("minGroupSize", k);
		changed.put("timeZone", settings.get("timeZone"));
		this.http.method(HttpMethod.PUT)
			.uri("/api/v1/org/settings")
			.headers((h) -> h.setBearerAuth(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(changed)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Map<?, ?> json(String query) {
		return status(query).isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static Map<?, ?> period(Map<?, ?> body) {
		return (Map<?, ?>) ((List<?>) body.get("periods")).get(0);
	}

	private org.springframework.test.web.reactive.server.StatusAssertions status(String query) {
		return call(query).expectStatus();
	}

	private WebTestClient.ResponseSpec call(String query) {
		return this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.week + "&to=" + this.week + "&" + query)
			.headers((headers) -> headers.setBearerAuth(this.hr))
			.exchange();
	}

	private void sql(String statement) {
		this.database.sql(statement)
			.then()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.organization.id())))
			.block();
	}

	private long count(String query) {
		return this.database.sql(query)
			.map((row, metadata) -> row.get(0, Long.class))
			.one()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.organization.id())))
			.block();
	}

}
