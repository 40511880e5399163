package dev.limber.challenges.scoring;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.MovableClock;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.challenges.scoring.Leaderboards;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair scoring, checked through the API against entries in the real database: averages
 * rank teams, the daily cap and the window follow the organization's time zone (also over
 * a daylight-saving change), late logs count only within the grace period, and a member
 * who moves team leaves their past activity with the old team.
 */
class ChallengeScoringTests extends ModuleIntegrationTest {

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	Leaderboards leaderboards;

	@Autowired
	MovableClock clock;

	ChallengeClient challenges;

	TestOrganization organization;

	String admin;

	@BeforeEach
	void organization() {
		this.challenges = new ChallengeClient(this.http);
		this.organization = onboard("scoring");
		this.admin = this.challenges.member(this.organization, "admin", List.of(), "org-admin");
	}

	@AfterEach
	void putTimeBack() {
		this.clock.reset();
	}

	@Test
	void teamsRankByAveragePerMemberAndShowTheSumToo() {
		List<String> small = java.util.stream.IntStream.range(0, 5).mapToObj((i) -> member("s" + i, "Small")).toList();
		List<String> large = java.util.stream.IntStream.range(0, 8).mapToObj((i) -> member("l" + i, "Large")).toList();
		UUID challenge = runningChallenge("sessions", 5, "Small", "Large");
		small.forEach((token) -> this.challenges.join(token, challenge, false));
		large.forEach((token) -> this.challenges.join(token, challenge, false));
		small.forEach((token) -> this.challenges.log(token, 2));
		large.forEach((token) -> this.challenges.log(token, 1));

		Map<String, Object> leaderboard = this.challenges.leaderboard(small.get(0), challenge);
		assertThat(ChallengeClient.team(leaderboard, "Small")).containsEntry("rank", 1)
			.containsEntry("members", 5)
			.containsEntry("average", 2.0)
			.containsEntry("total", 10.0);
		assertThat(ChallengeClient.team(leaderboard, "Large")).containsEntry("rank", 2)
			.containsEntry("members", 8)
			.containsEntry("average", 1.0)
			.containsEntry("total", 8.0);
	}

	@Test
	void theDailyCapLimitsWhatOneMemberScoresPerDay() {
		String keen = member("keen", "Blue");
		UUID sessions = runningChallenge("sessions", 2, "Blue");
		UUID minutes = runningChallenge("minutes", 10, "Blue");
		this.challenges.join(keen, sessions, false);
		this.challenges.join(keen, minutes, false);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int i = 0; i < 4; i++) {
			this.challenges.log(keen, 480, now.minusMinutes(i));
		}

		assertThat(contribution(keen, sessions)).isEqualTo(2.0);
		assertThat(contribution(keen, minutes)).isEqualTo(10.0);
	}

	@Test
	void windowAndDaysFollowTheOrganizationsTimeZoneAcrossADaylightSavingChange() {
		setTimeZone("Europe/Berlin");
		String admin = this.challenges.member(this.organization, "admin-berlin", List.of("Blue"), "org-admin");
		// Berlin moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026.
		UUID challenge = this.challenges.created(admin,
				ChallengeClient.challenge(LocalDateTime.parse("2026-03-28T00:00"),
						LocalDateTime.parse("2026-03-30T00:00"), "sessions", 1,
						List.of(this.challenges.teamId(this.admin, "Blue"))));
		Map<?, ?> view = this.http.get()
			.uri("/api/v1/challenges/" + challenge)
			.headers((h) -> h.setBearerAuth(admin))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(view.get("startsAt")).isEqualTo("2026-03-27T23:00:00Z");
		assertThat(view.get("endsAt")).isEqualTo("2026-03-29T22:00:00Z");
		assertThat(view.get("timeZone")).isEqualTo("Europe/Berlin");

		UUID member = memberId(admin);
		UUID team = teamOf(challenge);
		enter(challenge, member, team, "2026-03-27T22:59:59Z"); // 27 March 23:59:59 in
																// Berlin: before
																// the start
		enter(challenge, member, team, "2026-03-27T23:00:00Z"); // 28 March 00:00: the
																// first counted moment
		enter(challenge, member, team, "2026-03-28T22:30:00Z"); // 28 March 23:30, same
																// day: over the cap of 1
		enter(challenge, member, team, "2026-03-28T23:30:00Z"); // 29 March 00:30 (still
																// UTC's 28th): a new day
		enter(challenge, member, team, "2026-03-29T21:59:59Z"); // 29 March 23:59:59
																// summer time:
																// same day, capped
		enter(challenge, member, team, "2026-03-29T22:00:00Z"); // 30 March 00:00: after
																// the end

		// Counted: one on 28 March and one on 29 March (local days), not UTC days.
		assertThat(contribution(admin, challenge)).isEqualTo(2.0);
		assertThat(keptMatchesEntries(challenge)).isTrue();
	}

	@Test
	void lateLogsCountOnlyWithinTheGracePeriod() {
		String member = member("late", "Blue");
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		Map<String, Object> inGrace = ChallengeClient.challenge(now.minusHours(5), now.minusHours(1), "sessions", 5,
				List.of(this.challenges.teamId(this.admin, "Blue")));
		inGrace.put("graceHours", 2);
		Map<String, Object> pastGrace = ChallengeClient.challenge(now.minusHours(8), now.minusHours(3), "sessions", 5,
				List.of(this.challenges.teamId(this.admin, "Blue")));
		pastGrace.put("graceHours", 1);
		UUID graceChallenge = this.challenges.created(this.admin, inGrace);
		UUID finishedChallenge = this.challenges.created(this.admin, pastGrace);
		// Joining is possible only while running, so join both before they end: write it
		// as an entry-free join.
		joinDirectly(graceChallenge, memberId(member), teamOf(graceChallenge));
		joinDirectly(finishedChallenge, memberId(member), teamOf(finishedChallenge));

		OffsetDateTime fourHoursAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(4);
		this.challenges.log(member, 300, fourHoursAgo);

		Map<String, Object> grace = this.challenges.leaderboard(member, graceChallenge);
		assertThat(grace).containsEntry("status", "grace");
		assertThat(((Map<?, ?>) grace.get("you")).get("contribution")).isEqualTo(1.0);
		Map<String, Object> finished = this.challenges.leaderboard(member, finishedChallenge);
		assertThat(finished).containsEntry("status", "finished").containsEntry("finalResults", true);
		assertThat(((Map<?, ?>) finished.get("you")).get("contribution")).isEqualTo(0.0);
	}

	@Test
	void aLateLogCountsUntilTheGracePeriodEndsAndNotAfterWithoutWaitingForIt() {
		String member = member("latecomer", "Blue");
		OffsetDateTime start = OffsetDateTime.now(this.clock).minusHours(1);
		Map<String, Object> body = ChallengeClient.challenge(start.toLocalDateTime(),
				start.plusHours(2).toLocalDateTime(), "sessions", 5,
				List.of(this.challenges.teamId(this.admin, "Blue")));
		body.put("graceHours", 1);
		UUID challenge = this.challenges.created(this.admin, body);
		this.challenges.join(member, challenge, false);

		this.clock.advance(Duration.ofMinutes(90)); // the challenge ended 30 minutes ago:
													// grace until +1 hour
		this.challenges.log(member, 300, start.plusMinutes(90));
		Map<String, Object> inGrace = this.challenges.leaderboard(member, challenge);
		assertThat(inGrace).containsEntry("status", "grace");
		assertThat(((Map<?, ?>) inGrace.get("you")).get("contribution")).isEqualTo(1.0);

		// the grace period ended 30 minutes ago
		this.clock.advance(Duration.ofMinutes(60));
		this.challenges.log(member, 300, start.plusMinutes(100));
		Map<String, Object> finished = this.challenges.leaderboard(member, challenge);
		assertThat(finished).containsEntry("status", "finished").containsEntry("finalResults", true);
		assertThat(((Map<?, ?>) finished.get("you")).get("contribution")).isEqualTo(1.0);
	}

	@Test
	void activityStaysWithTheTeamItWasLoggedForWhenTheMemberMoves() {
		String before = member("mover", "Blue");
		member("anchor", "Green");
		UUID challenge = runningChallenge("sessions", 5, "Blue", "Green");
		this.challenges.join(before, challenge, false);
		this.challenges.log(before, 1);

		String after = this.challenges.member(this.organization, "mover", List.of("Green"));
		this.challenges.log(after, 2);

		Map<String, Object> leaderboard = this.challenges.leaderboard(after, challenge);
		UUID mover = memberId(after);
		assertThat(keptPoints(challenge)).containsOnly(Map.entry(mover + "@" + teamId(challenge, "Blue"), 1L),
				Map.entry(mover + "@" + teamId(challenge, "Green"), 2L));
		assertThat(keptMatchesEntries(challenge)).isTrue();
		Map<?, ?> you = (Map<?, ?>) leaderboard.get("you");
		assertThat(you.get("team")).isEqualTo("Green");
		assertThat(you.get("contribution")).isEqualTo(3.0);
	}

	/**
	 * Late activities arriving out of order, a member who plays for two teams on the same
	 * day (the cap filled in the order the activities were done decides which team
	 * scores), a member who leaves and one who deletes their data: the points kept per
	 * day stay equal to a recomputation from every entry, and so does the standing.
	 */
	@Test
	void keptPointsStayEqualToARecomputationFromTheEntries() {
		member("anchor-blue", "Blue");
		member("anchor-green", "Green");
		UUID challenge = runningChallenge("sessions", 2, "Blue", "Green");
		UUID blue = teamId(challenge, "Blue");
		UUID green = teamId(challenge, "Green");
		UUID mover = UUID.randomUUID();
		UUID steady = UUID.randomUUID();
		OffsetDateTime morning = java.time.LocalDate.now(ZoneOffset.UTC).atTime(0, 1).atOffset(ZoneOffset.UTC);
		// Logged newest first: the cap of 2 still goes to the two done first,
		// both for Green.
		enter(challenge, mover, blue, morning.plusHours(3).toString());
		enter(challenge, mover, green, morning.plusHours(1).toString());
		enter(challenge, mover, blue, morning.plusHours(2).toString());
		enter(challenge, mover, green, morning.toString());
		for (int i = 0; i < 3; i++) {
			enter(challenge, steady, blue, morning.plusMinutes(i).toString());
		}
		assertThat(keptPoints(challenge)).containsOnly(Map.entry(mover + "@" + green, 2L),
				Map.entry(steady + "@" + blue, 2L));
		assertThat(keptMatchesEntries(challenge)).isTrue();

		String leaver = member("leaver", "Blue");
		this.challenges.join(leaver, challenge, false);
		this.challenges.log(leaver, 1);
		assertThat(keptPoints(challenge)).containsKey(memberId(leaver) + "@" + blue);
		this.http.delete()
			.uri("/api/v1/challenges/" + challenge + "/participation")
			.headers((h) -> h.setBearerAuth(leaver))
			.exchange()
			.expectStatus()
			.isNoContent();
		inTenant(this.database.sql("delete from challenges.entry where member_id = :m and completed_at = :at")
			.bind("m", mover)
			.bind("at", morning)
			.fetch()
			.rowsUpdated());
		// Without the first Green one, the next two by time count: one for Green,
		// one for Blue.
		assertThat(keptPoints(challenge)).containsOnly(Map.entry(mover + "@" + green, 1L),
				Map.entry(mover + "@" + blue, 1L), Map.entry(steady + "@" + blue, 2L));
		assertThat(keptMatchesEntries(challenge)).isTrue();
	}

	/**
	 * A member who logs an activity in one tab while joining in another scores it once:
	 * the join's backfill and the write's own recording never both miss it (each sees the
	 * other's committed work) and never both count it.
	 */
	@Test
	void anActivityLoggedWhileJoiningCountsExactlyOnce() throws Exception {
		List<String> members = java.util.stream.IntStream.range(0, 40)
			.mapToObj((i) -> member("racer" + i, "Blue"))
			.toList();
		UUID challenge = runningChallenge("sessions", 5, "Blue");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (String member : members) {
				CountDownLatch start = new CountDownLatch(1);
				Future<?> joined = pool.submit(() -> {
					start.await();
					this.challenges.join(member, challenge, false);
					return null;
				});
				Future<?> logged = pool.submit(() -> {
					start.await();
					this.challenges.log(member, 1);
					return null;
				});
				start.countDown();
				joined.get();
				logged.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(members).allSatisfy((member) -> assertThat(contribution(member, challenge)).isEqualTo(1.0));
		assertThat(keptMatchesEntries(challenge)).isTrue();
	}

	private double contribution(String token, UUID challenge) {
		return ((Number) ((Map<?, ?>) this.challenges.leaderboard(token, challenge).get("you")).get("contribution"))
			.doubleValue();
	}

	private boolean keptMatchesEntries(UUID challenge) {
		return this.leaderboards.keptPointsMatchEntries(new TenantId(this.organization.id()), challenge).block();
	}

	/**
	 * member@team to points, as the standing reads them (a team capped away to 0 left
	 * out).
	 */
	private Map<String, Long> keptPoints(UUID challenge) {
		return inTenant(this.database
			.sql("select member_id, team_id, points from challenges.points_kept(:c) where points > 0")
			.bind("c", challenge)
			.map((row, meta) -> Map.entry(row.get("member_id", UUID.class) + "@" + row.get("team_id", UUID.class),
					row.get("points", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private UUID teamId(UUID challenge, String name) {
		return inTenant(
				this.database.sql("select id from challenges.challenge_team where challenge_id = :c and name = :n")
					.bind("c", challenge)
					.bind("n", name)
					.map((row, meta) -> row.get("id", UUID.class))
					.one());
	}

	private String member(String user, String team) {
		return this.challenges.member(this.organization, user, List.of(team));
	}

	private UUID runningChallenge(String metric, int cap, String... teams) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		List<UUID> ids = java.util.Arrays.stream(teams)
			.map((team) -> this.challenges.teamId(this.admin, team))
			.toList();
		return this.challenges.created(this.admin,
				ChallengeClient.challenge(now.minusDays(1), now.plusDays(7), metric, cap, ids));
	}

	private void setTimeZone(String zone) {
		this.http.put()
			.uri("/api/v1/org/settings")
			.headers((h) -> h.setBearerAuth(this.admin))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("displayName", "Scoring", "minGroupSize", 5, "timeZone", zone))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private UUID memberId(String token) {
		Map<?, ?> me = this.http.get()
			.uri("/api/v1/me")
			.headers((h) -> h.setBearerAuth(token))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString((String) me.get("id"));
	}

	private UUID teamOf(UUID challenge) {
		return inTenant(this.database.sql("select id from challenges.challenge_team where challenge_id = :c")
			.bind("c", challenge)
			.map((row, meta) -> row.get("id", UUID.class))
			.one());
	}

	private void joinDirectly(UUID challenge, UUID member, UUID team) {
		inTenant(this.database.sql("""
				insert into challenges.participant (tenant_id, challenge_id, member_id, team_id)
				values (:t, :c, :m, :team)""")
			.bind("t", this.organization.id())
			.bind("c", challenge)
			.bind("m", member)
			.bind("team", team)
			.fetch()
			.rowsUpdated());
	}

	/**
	 * An activity as the entry recorder would have stored it, at a moment the API cannot
	 * backdate to.
	 */
	private void enter(UUID challenge, UUID member, UUID team, String completedAt) {
		OffsetDateTime at = OffsetDateTime.parse(completedAt);
		inTenant(this.database.sql("""
				insert into challenges.entry (tenant_id, challenge_id, activity_id, member_id, team_id, slug, category,
				    duration_seconds, completed_at, logged_at)
				values (:t, :c, gen_random_uuid(), :m, :team, 'desk-reset-5-min', 'desk', 300, :at, :at)""")
			.bind("t", this.organization.id())
			.bind("c", challenge)
			.bind("m", member)
			.bind("team", team)
			.bind("at", at)
			.fetch()
			.rowsUpdated());
	}

	private <T> T inTenant(reactor.core.publisher.Mono<T> work) {
		return work.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(this.organization.id())))
			.block();
	}

}
