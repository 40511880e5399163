package dev.limber.challenges.scoring;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.testing.ChallengeClient;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.kernel.testing.TestOrganization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaderboard reads are answered from the last standing computed while nothing it came
 * from changed, and recomputed as soon as a change is notified: the read right after a
 * member's own log shows it. To see which of the two answered, the test changes the kept
 * points behind the application's back (no notification), as nothing in Limber does.
 */
class LeaderboardReadTests extends ModuleIntegrationTest {

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Test
	void aReadIsServedFromTheKeptStandingUntilAChangeIsNotified() {
		ChallengeClient challenges = new ChallengeClient(this.http);
		TestOrganization organization = onboard("reads");
		String admin = challenges.member(organization, "admin", List.of(), "org-admin");
		String keen = challenges.member(organization, "keen", List.of("Blue"));
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		UUID challenge = challenges.created(admin, ChallengeClient.challenge(now.minusDays(1), now.plusDays(7),
				"sessions", 5, List.of(challenges.teamId(admin, "Blue"))));
		challenges.join(keen, challenge, false);
		challenges.log(keen, 2);
		assertThat(contribution(challenges, keen, challenge)).as("computed after the logs were notified")
			.isEqualTo(2.0);

		forgetKeptPoints(organization, challenge);
		assertThat(contribution(challenges, keen, challenge)).as("nothing notified: the kept standing answers")
			.isEqualTo(2.0);

		challenges.log(keen, 1);
		assertThat(contribution(challenges, keen, challenge))
			.as("the log was notified: recomputed, from the forgotten points and the new log")
			.isEqualTo(1.0);
	}

	private static double contribution(ChallengeClient challenges, String token, UUID challenge) {
		Map<?, ?> you = (Map<?, ?>) challenges.leaderboard(token, challenge).get("you");
		return ((Number) you.get("contribution")).doubleValue();
	}

	private void forgetKeptPoints(TestOrganization organization, UUID challenge) {
		this.database.sql("delete from challenges.member_day where challenge_id = :challenge")
			.bind("challenge", challenge)
			.then()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(new TenantId(organization.id())))
			.block();
	}

}
