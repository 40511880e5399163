package dev.limber.app.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.app.support.TestOrganization;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays the attacker against the HR reports of an organization of 100 with a department of
 * 4 ("Legal"), a department of 6 split 4 + 2 over two locations ("Design"), and a department
 * of 7 split 5 + 2 ("Data"). k = 5.
 */
class AnonymityTests extends LimberIntegrationTest {

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	/** Built once: a hundred sign-ins and activities are the slow part. */
	static TestOrganization organization;

	String hr;

	String from;

	String to;

	@BeforeEach
	void organizationOfAHundred() {
		if (organization == null) {
			organization = onboard("anon");
			populate();
		}
		forgetReleases();
		this.hr = organization.token("analyst", "hr-analyst");
		LocalDate today = LocalDate.now();
		this.from = today.minusDays(10).toString();
		this.to = today.toString();
	}

	private void populate() {
		ReportingFixture.populate(this.http, organization,
				List.of(new ReportingFixture.Group("Sales", "Berlin", 50), new ReportingFixture.Group("Sales", "Munich", 33),
						new ReportingFixture.Group("Legal", "Berlin", 4),
						new ReportingFixture.Group("Design", "Berlin", 4), new ReportingFixture.Group("Design", "Munich", 2),
						new ReportingFixture.Group("Data", "Berlin", 5), new ReportingFixture.Group("Data", "Munich", 2)),
				1);
		this.consumer.drain().block();
	}

	/** Each test starts as if HR had seen nothing yet, so the overlap rule is tested on its own. */
	private void forgetReleases() {
		this.database.sql("delete from reporting.released_population")
			.then()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(organization.id())))
			.block();
	}

	@Test
	void smallCellsAreSuppressedNeverZero() {
		List<?> groups = (List<?>) lastPeriod(json("interval=week&groupBy=department")).get("groups");
		Map<?, ?> legal = groups.stream()
			.map((cell) -> (Map<?, ?>) cell)
			.filter((cell) -> "Legal".equals(cell.get("group")))
			.findFirst()
			.orElseThrow();
		assertThat(legal.get("suppressed")).isEqualTo(true);
		assertThat(legal.get("participants")).isNull();
		assertThat(legal.get("eligible")).isNull();
	}

	@Test
	void complementarySuppressionHidesEnoughSiblings() {
		Map<?, ?> period = lastPeriod(json("interval=week&groupBy=department"));
		List<Map<?, ?>> groups = (List<Map<?, ?>>) period.get("groups");
		long hidden = groups.stream().filter((cell) -> Boolean.TRUE.equals(cell.get("suppressed"))).count();
		assertThat(hidden).isGreaterThanOrEqualTo(2);
		Map<?, ?> total = (Map<?, ?>) period.get("total");
		if (!Boolean.TRUE.equals(total.get("suppressed"))) {
			long shown = groups.stream()
				.filter((cell) -> !Boolean.TRUE.equals(cell.get("suppressed")))
				.mapToLong((cell) -> ((Number) cell.get("participants")).longValue())
				.sum();
			assertThat(((Number) total.get("participants")).longValue() - shown).isGreaterThanOrEqualTo(5);
		}
	}

	@Test
	void theDepartmentOfFourCannotBeRecoveredByAnySequenceOfCalls() {
		List<String> queries = List.of("interval=week", "interval=month", "interval=week&groupBy=department",
				"interval=week&groupBy=location", "interval=week&department=Legal",
				"interval=week&location=Berlin&groupBy=department", "interval=month&location=Berlin",
				"interval=week&department=Sales", "interval=week&location=Munich&groupBy=department");
		for (String query : queries) {
			Map<?, ?> body = raw(query);
			if (body.containsKey("periods")) {
				for (Object period : (List<?>) body.get("periods")) {
					for (Object cell : (List<?>) ((Map<?, ?>) period).get("groups")) {
						Map<?, ?> group = (Map<?, ?>) cell;
						if ("Legal".equals(group.get("group"))) {
							assertThat(group.get("suppressed")).as(query).isEqualTo(true);
						}
					}
				}
			}
		}
		String csv = this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.from + "&to=" + this.to + "&interval=week&groupBy=department")
			.headers((headers) -> {
				headers.setBearerAuth(this.hr);
				headers.set("Accept", "text/csv");
			})
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines().filter((line) -> line.contains(",Legal,")))
			.allMatch((line) -> line.endsWith("suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed"));
	}

	@Test
	void aDepartmentOfSixMinusALocationOfTwoIsNotRevealed() {
		report("interval=week&department=Design").jsonPath("$.periods[-1].total.suppressed").isEqualTo(false);
		report("interval=week&department=Design&groupBy=location")
			.jsonPath("$.periods[-1].groups[?(@.suppressed == false)]")
			.isEmpty();
		report("interval=week&location=Berlin&groupBy=department")
			.jsonPath("$.periods[-1].groups[?(@.group == 'Design')].suppressed")
			.isEqualTo(List.of(true));
	}

	@Test
	void overlapRuleRefusesAPopulationThatDiffersByFewerThanK() {
		report("interval=week&department=Data").jsonPath("$.periods[-1].total.participants").isEqualTo(7);
		// Data in Berlin (5) would be shown on its own, but Data (7) minus it is the 2 in Munich.
		status("interval=week&department=Data&location=Berlin").isEqualTo(422);
	}

	@Test
	void remainderRuleRefusesFiltersWhoseRestIsSmall() {
		TestOrganization small = onboard("remainder");
		ReportingFixture.populate(this.http, small, List.of(new ReportingFixture.Group("Ops", "Berlin", 6),
				new ReportingFixture.Group("Ops", "Munich", 2), new ReportingFixture.Group("Audit", "Munich", 2)), 1);
		this.consumer.drain().block();
		String analyst = small.token("analyst", "hr-analyst");
		// Ops is 8 of 11 (with the analyst): the other 3 would be the organization total minus Ops.
		this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.from + "&to=" + this.to + "&department=Ops")
			.headers((headers) -> headers.setBearerAuth(analyst))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(String.valueOf(detail)).contains("rest of the organization"));
		status("interval=week&location=Berlin").isOk();
	}

	@Test
	void periodsAreWholeCalendarBuckets() {
		Map<?, ?> body = raw("interval=week");
		LocalDate first = LocalDate.parse(String.valueOf(body.get("from")));
		assertThat(first.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		Map<?, ?> monthly = raw("interval=month");
		assertThat(LocalDate.parse(String.valueOf(monthly.get("from"))).getDayOfMonth()).isEqualTo(1);
	}

	@Test
	void employeesCannotReadReports() {
		this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.from + "&to=" + this.to)
			.headers((headers) -> headers.setBearerAuth(organization.employee("eve")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private WebTestClient.BodyContentSpec report(String query) {
		return status(query).isOk().expectBody();
	}

	private Map<?, ?> json(String query) {
		return status(query).isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private Map<?, ?> raw(String query) {
		return call(query).expectBody(Map.class).returnResult().getResponseBody();
	}

	private static Map<?, ?> lastPeriod(Map<?, ?> body) {
		List<?> periods = (List<?>) body.get("periods");
		return (Map<?, ?>) periods.get(periods.size() - 1);
	}

	private org.springframework.test.web.reactive.server.StatusAssertions status(String query) {
		return call(query).expectStatus();
	}

	private WebTestClient.ResponseSpec call(String query) {
		return this.http.get()
			.uri("/api/v1/reports/participation?from=" + this.from + "&to=" + this.to + "&" + query)
			.headers((headers) -> headers.setBearerAuth(this.hr))
			.exchange();
	}

}
