package dev.limber.app.reporting.redteam;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.reporting.ingestion.OutboxConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red team: as HR analysts and org admins of {@link TargetOrganization} (k = 5),
 * collect every figure one class of attack of issue 16 can get, then let
 * {@link SmallGroupBounds} bound every group below k over the true membership. A test
 * fails when any such group's figure is narrower than its natural range (see
 * docs/privacy.md, "How it is checked"). Periods are closed by moving the application's
 * clock 40 days on, except where the attack is on the running period. Leaderboards (class
 * 8) are covered by the challenges tests.
 */
class RedTeamTests extends LimberIntegrationTest {

	static final int K = 5;

	@Autowired
	OutboxConsumer consumer;

	@Autowired
	MovableClock clock;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	TargetOrganization target;

	Attacker hr;

	String from;

	String to;

	@BeforeEach
	void victim() {
		this.target = new TargetOrganization(this.http, onboard("redteam"));
		this.target.populate();
		this.consumer.drain().block();
		membersSinceLongAgo();
		this.hr = new Attacker(this.target, this.target.analyst());
		LocalDate today = LocalDate.now();
		this.from = today.minusDays(3).toString();
		this.to = today.toString();
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	/**
	 * Everyone set up here has been a member for two months, as in an organization in
	 * use.
	 */
	private void membersSinceLongAgo() {
		this.database.sql("update organizations.member set created_at = created_at - interval '60 days'")
			.then()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.target.organization.id())))
			.block();
	}

	private void closeThePeriods() {
		this.clock.advance(Duration.ofDays(40));
	}

	@Test
	void class1ComplementReRequested() {
		closeThePeriods();
		this.hr.participation(this.from, this.to, "week", "department", null, null);
		TargetOrganization.DEPARTMENTS
			.forEach((department) -> this.hr.participation(this.from, this.to, "week", null, department, null));
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class2Tracker() {
		closeThePeriods();
		for (String interval : List.of("week", "month")) {
			this.hr.participation(this.from, this.to, interval, null, null, null);
			TargetOrganization.DEPARTMENTS
				.forEach((department) -> this.hr.participation(this.from, this.to, interval, null, department, null));
			TargetOrganization.LOCATIONS
				.forEach((location) -> this.hr.participation(this.from, this.to, interval, null, null, location));
		}
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class3ThreeOrMorePopulations() {
		closeThePeriods();
		for (String location : TargetOrganization.LOCATIONS) {
			this.hr.participation(this.from, this.to, "week", null, null, location);
			this.hr.participation(this.from, this.to, "week", "department", null, location);
			TargetOrganization.DEPARTMENTS
				.forEach((department) -> this.hr.participation(this.from, this.to, "week", null, department, location));
		}
		TargetOrganization.DEPARTMENTS
			.forEach((department) -> this.hr.participation(this.from, this.to, "week", "location", department, null));
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class4TwoGrids() {
		closeThePeriods();
		this.hr.everyParticipationView(this.from, this.to);
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class5Race() throws Exception {
		closeThePeriods();
		List<String[]> populations = List.of(new String[] { "People", null }, new String[] { "People", "Berlin" },
				new String[] { "Finance", null }, new String[] { "Finance", "Munich" }, new String[] { null, "Munich" },
				new String[] { "Sales", "Munich" }, new String[] { "Eng", "Munich" }, new String[] { null, null });
		ExecutorService pool = Executors.newFixedThreadPool(populations.size());
		try {
			List<Future<?>> requests = new ArrayList<>();
			for (String[] population : populations) {
				requests.add(pool.submit(
						() -> this.hr.participation(this.from, this.to, "week", null, population[0], population[1])));
			}
			for (Future<?> request : requests) {
				request.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertNoSmallGroupExposed(this.hr.releases, K);
		// and the organization's own dashboard still answers for those weeks
		this.target
			.call(this.target.analyst(), HttpMethod.GET,
					"/api/v1/reports/participation?from=" + this.from + "&to=" + this.to, null)
			.expectStatus()
			.isOk();
	}

	@Test
	void class6MembershipChurn() {
		closeThePeriods();
		this.hr.participation(this.from, this.to, "week", "department", null, null);
		this.hr.participation(this.from, this.to, "week", null, "Finance", null);
		// five new hires where one person is alone, a move into the small department,
		// and a departure
		ScimClient scim = new ScimClient(this.http, this.target.organization);
		for (int i = 0; i < 5; i++) {
			scim.user("hire-" + i, "People", "Munich");
		}
		this.target.atomSizes.put("People/Munich/new", 5);
		this.target.member(TargetOrganization.user("Sales/Munich", 0), "Legal", "Berlin", List.of());
		this.target.call(this.target.token("Finance/Berlin", 0), HttpMethod.DELETE, "/api/v1/me", null)
			.expectStatus()
			.is2xxSuccessful();
		this.hr.everyParticipationView(this.from, this.to);
		List<Release> all = new ArrayList<>(this.hr.releases);
		// the attacker knows the new hires did nothing before they were hired
		this.hr.releases.stream()
			.map((release) -> List.of(release.figure(), release.start(), release.end()))
			.distinct()
			.forEach((period) -> all.add(new Release((String) period.get(0), Set.of("People/Munich/new"),
					(LocalDate) period.get(1), (LocalDate) period.get(2), 0, 0, "known: hired later")));
		assertNoSmallGroupExposed(all, K);
	}

	@Test
	void class7StaleThreshold() {
		BrowserSession portal = BrowserSession.signIn(this.http, this.target.organization, "analyst",
				Map.of("roles", List.of("hr-analyst")));
		raiseTheThreshold(10);
		closeThePeriods();
		for (String groupBy : List.of("department", "location")) {
			String csv = portal.page(
					"/hr/participation.csv?from=" + this.from + "&to=" + this.to + "&interval=week&groupBy=" + groupBy);
			this.hr.csv(csv, groupBy, 10, "portal csv by " + groupBy);
		}
		this.hr.everyParticipationView(this.from, this.to);
		assertNoSmallGroupExposed(this.hr.releases, 10);
	}

	@Test
	void class9AbsentVersusSuppressed() {
		closeThePeriods();
		this.hr.everyFunnel(this.from, this.to);
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class10Homogeneity() {
		closeThePeriods();
		for (String interval : List.of("week", "month")) {
			this.hr.participation(this.from, this.to, interval, null, "Finance", null);
			this.hr.participation(this.from, this.to, interval, "location", "Finance", null);
			this.hr.participation(this.from, this.to, interval, "department", null, "Berlin");
		}
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class11RunningPeriodAskedTwice() {
		String today = LocalDate.now().toString();
		this.hr.participation(today, today, "week", null, null, null);
		this.hr.participation(today, today, "week", "department", null, null);
		this.target.activity(this.target.token("People/Munich", 0), 0);
		this.consumer.drain().block();
		this.hr.participation(today, today, "week", null, null, null);
		this.hr.participation(today, today, "week", "department", null, null);
		closeThePeriods();
		this.hr.participation(today, today, "week", null, null, null);
		this.hr.participation(today, today, "week", "department", null, null);
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	@Test
	void class12FunnelTracker() {
		closeThePeriods();
		for (String interval : List.of("week", "month")) {
			this.hr.funnel(this.from, this.to, interval, null, null);
			TargetOrganization.DEPARTMENTS
				.forEach((department) -> this.hr.funnel(this.from, this.to, interval, department, null));
			TargetOrganization.LOCATIONS
				.forEach((location) -> this.hr.funnel(this.from, this.to, interval, null, location));
		}
		assertNoSmallGroupExposed(this.hr.releases, K);
	}

	private void raiseTheThreshold(int k) {
		String admin = this.target.admin();
		Map<?, ?> settings = this.target.call(admin, HttpMethod.GET, "/api/v1/org/settings", null)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("displayName", settings.get("displayName"));
		changed.put("emailDomains", settings.get("emailDomains"));
		changed.put("minGroupSize", k);
		changed.put("timeZone", settings.get("timeZone"));
		this.target.call(admin, HttpMethod.PUT, "/api/v1/org/settings", changed).expectStatus().isOk();
	}

	private void assertNoSmallGroupExposed(List<Release> releases, int k) {
		assertThat(releases).as("the attack obtained figures at all").isNotEmpty();
		List<String> exposures = new SmallGroupBounds(this.target.atomSizes, releases)
			.exposures(this.target.smallGroups(k));
		assertThat(exposures)
			.as("groups below k = %d bounded tighter than their natural range, from %d figures", k, releases.size())
			.isEmpty();
	}

}
