package dev.limber.app.scaleout;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.LimberApplication;
import dev.limber.app.support.BrowserSession;
import dev.limber.app.support.ExternalPostgres;
import dev.limber.app.support.LocalRedis;
import dev.limber.kernel.testing.TestOrganization;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.kernel.testing.TestIdentityProvider;
import dev.limber.notifications.Channel;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;
import dev.limber.notifications.testing.ChatReceiver;
import dev.limber.notifications.testing.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Limber as it runs behind a load balancer: a migration job (a separate JVM, as the owner
 * role), then two instances on one external PostgreSQL and one Redis, neither of which
 * migrates. The second instance reads reports through its own read-only pool, standing in
 * for a read replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

	private LocalRedis redis;

	private ExternalPostgres postgres;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	private int publicPort;

	@BeforeAll
	void start() throws Exception {
		this.redis = LocalRedis.start();
		this.postgres = ExternalPostgres.start();
		migrateInASeparateProcess();
		// both behind one public address, as behind a load balancer: sign-ins come back
		// to the first
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			this.publicPort = free.getLocalPort();
		}
		this.first = instance(Map.of("server.port", String.valueOf(this.publicPort)));
		this.second = instance(Map.of("limber.db.reporting-read-url", this.postgres.jdbcUrl()));
	}

	@AfterAll
	void stop() throws Exception {
		for (AutoCloseable closeable : new AutoCloseable[] { this.first, this.second, this.postgres, this.redis }) {
			if (closeable != null) {
				closeable.close();
			}
		}
	}

	@Test
	void anOffboardingOnOneInstanceEndsTheRedisSessionOnBoth() {
		TestOrganization organization = TestOrganization.onboard(http(this.first), "twins-off");
		BrowserSession onFirst = BrowserSession.signIn(http(this.first), organization, "ada",
				Map.of("name", "Ada Admin", "roles", List.of("org-admin")));
		assertThat(onFirst.get("/org/admin").getStatus().value()).isEqualTo(200);
		BrowserSession onSecond = onFirst.at(http(this.second));
		var admin = onSecond.get("/org/admin");
		assertThat(admin.getStatus().value()).as("%s", admin.getResponseHeaders().getLocation()).isEqualTo(200);

		// the identity provider takes the admin role away at a sign-in the
		// second instance sees
		String member = (String) http(this.second).get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(organization.employee("ada")))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		assertThat(eventually(() -> onFirst.get("/org/admin").getStatus().value())).isEqualTo(403);

		String scim = (String) http(this.second).post()
			.uri("/api/v1/org/scim-token")
			.headers((headers) -> headers.setBearerAuth(organization.admin("root")))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token");
		http(this.second).patch()
			.uri("/scim/v2/Users/" + member)
			.headers((headers) -> headers.setBearerAuth(scim))
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.bodyValue("""
					{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
					 "Operations": [{"op": "replace", "path": "active", "value": false}]}""")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(eventually(() -> onFirst.get("/programs").getStatus().is3xxRedirection() ? 302 : 200))
			.isEqualTo(302);
		assertThat(onSecond.get("/programs").getStatus().is3xxRedirection()).isTrue();
	}

	/** The other instance hears of a change by notification, within moments. */
	private static int eventually(java.util.function.IntSupplier status) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		int last = status.getAsInt();
		while (last != 403 && last != 302 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return last;
			}
			last = status.getAsInt();
		}
		return last;
	}

	@Test
	void aPortalSessionStartedOnOneInstanceWorksOnTheOther() throws Exception {
		TestOrganization organization = TestOrganization.onboard(http(this.first), "twins");
		BrowserSession onFirst = BrowserSession.signIn(http(this.first), organization, "mia",
				Map.of("name", "Mia Muster", "email", "mia@" + organization.slug() + ".test"));
		assertThat(onFirst.lastResult().getResponseHeaders().getLocation()).hasToString("/");

		BrowserSession onSecond = onFirst.at(http(this.second));
		assertThat(onSecond.page("/")).contains("Hello, Mia Muster");
		assertThat(onSecond.get("/programs").getStatus().value()).isEqualTo(200);
		assertThat(this.redis.command("DBSIZE")).isNotEqualTo(":0");
	}

	@Test
	void aSessionNeitherInstanceKnowsIsSentToSignIn() {
		http(this.second).get()
			.uri("/programs")
			.header("Cookie", "SESSION=" + java.util.UUID.randomUUID())
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/login?expired");
	}

	@Test
	void eachOutboxEventIsAppliedOnceAcrossBothInstances() throws Exception {
		double appliedBefore = applied(this.first) + applied(this.second);
		TestOrganization organization = TestOrganization.onboard(http(this.first), "outbox");
		int members = 8;
		int activitiesEach = 6;
		for (int i = 0; i < members; i++) {
			String token = organization.token("member-" + i, Map.of("department", "Ops", "location", "Berlin"));
			for (int n = 0; n < activitiesEach; n++) {
				// writes land on both instances, as a load balancer would spread them
				logActivity(http((n % 2 == 0) ? this.first : this.second), token);
			}
		}
		long events = members * activitiesEach;
		awaitEmptyOutbox(organization);

		assertThat(applied(this.first) + applied(this.second) - appliedBefore).isEqualTo(events);
		assertThat(count(organization, "select coalesce(sum(sessions), 0) from reporting.activity_day"))
			.isEqualTo(events);
		assertThat(count(organization, "select coalesce(sum(seconds), 0) from reporting.activity_day"))
			.isEqualTo(count(organization, "select sum(duration_seconds) from programs.activity"));
		assertThat(count(organization, "select count(*) from reporting.participant_day")).isEqualTo(members);
	}

	/**
	 * Both instances' notification workers send the same outbox to a team chat that fails
	 * (503) for a while: each post is accepted exactly once after it recovers, and both
	 * instances took part (each had attempts refused).
	 */
	@Test
	void eachChatPostArrivesOnceWhenBothInstancesSendThroughAnOutage() throws Exception {
		int posts = 30;
		TestOrganization organization = TestOrganization.onboard(http(this.first), "twins-chat");
		try (ChatReceiver receiver = new ChatReceiver()) {
			receiver.failing("team", true);
			String webhook = (String) http(this.second).post()
				.uri("/api/v1/notifications/webhooks")
				.headers((headers) -> headers.setBearerAuth(organization.admin("root")))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("channel", "slack", "url", receiver.url("team"), "language", "en"))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id");
			for (int i = 0; i < posts; i++) {
				// causes happen on both instances, as behind a load balancer
				enqueueAnnouncement((i % 2 == 0) ? this.first : this.second, organization, webhook, "Challenge " + i);
			}
			// the outage lasts until the receiver refused every post at least once, and
			// both instances tried
			awaitUntil(
					() -> retried(this.first) > 0 && retried(this.second) > 0 && receiver.refusedPosts("team") == posts,
					"both instances met the outage with every post");
			double sentBefore = sent(this.first) + sent(this.second);
			receiver.failing("team", false);
			awaitUntil(
					() -> count(organization, "select count(*) from notifications.message where status <> 'sent'") == 0,
					"every post sent");

			List<String> accepted = receiver.accepted("team")
				.stream()
				.map((post) -> (String) ((Map<?, ?>) post).get("text"))
				.map((text) -> text.substring(0, text.indexOf('\n')))
				.toList();
			assertThat(accepted).as("%d refused during the outage", receiver.refused("team"))
				.hasSize(posts)
				.doesNotHaveDuplicates()
				.allMatch((heading) -> heading.startsWith("*New team challenge: Challenge "));
			assertThat(sent(this.first) + sent(this.second) - sentBefore).isEqualTo(posts);
			System.out.printf(
					"Chat outage with two instances: %d posts, %d refused attempts, sent by first %.0f, second %.0f%n",
					posts, receiver.refused("team"), sent(this.first), sent(this.second));
		}
	}

	private static void enqueueAnnouncement(ConfigurableApplicationContext instance, TestOrganization organization,
			String webhook, String title) {
		Boolean added = instance.getBean(Notifications.class)
			.enqueue(new Message(webhook, Channel.SLACK, "challenge-announced", "announced:" + UUID.randomUUID(),
					Map.of("challenge", UUID.randomUUID().toString(), "title", title, "startsOn", "2026-12-01",
							"endsOn", "2026-12-14", "moment", "announced")))
			.as(instance.getBean(TransactionalOperator.class)::transactional)
			.contextWrite(TenantContext.with(new TenantId(organization.id())))
			.block();
		assertThat(added).isTrue();
	}

	private static double retried(ConfigurableApplicationContext instance) {
		return slackCounter(instance, "limber.notifications.retried");
	}

	private static double sent(ConfigurableApplicationContext instance) {
		return slackCounter(instance, "limber.notifications.sent");
	}

	private static double slackCounter(ConfigurableApplicationContext instance, String name) {
		return instance.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.get(name)
			.tag("channel", "slack")
			.counter()
			.count();
	}

	private static void awaitUntil(java.util.concurrent.Callable<Boolean> condition, String what) {
		Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition);
	}

	@Test
	void reportsReadThroughTheReplicaPoolBoundToTheTenant() throws Exception {
		TestOrganization organization = TestOrganization.onboard(http(this.first), "replica");
		for (int i = 0; i < 6; i++) {
			logActivity(http(this.first), organization.token("member-" + i));
		}
		awaitEmptyOutbox(organization);
		// a closed week: the first request builds its release table on the primary, the
		// next reads it on the replica
		String closed = LocalDate.now().minusWeeks(3).toString();
		String uri = "/api/v1/reports/participation?from=" + closed + "&to=" + closed + "&interval=week";
		String analyst = organization.token("analyst", "hr-analyst");
		String built = http(this.second).get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(analyst))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String read = http(this.second).get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(analyst))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(read).isEqualTo(built).contains("\"released\":true");
		// engagement rows come through the same gate
		http(this.second).get()
			.uri("/api/v1/reports/programs?from=" + closed + "&to=" + closed + "&interval=week")
			.headers((headers) -> headers.setBearerAuth(analyst))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periods")
			.isArray();
		// the replica pool opens its connections on first use, and only reports use it
		assertThat(count(organization,
				"select count(*) from pg_stat_activity where application_name = 'limber-reporting-read'"))
			.isPositive();
	}

	@Test
	void theReplicaPoolRefusesWrites() {
		ReadReplica replica = this.second.getBean(ReadReplica.class);
		assertThatThrownBy(() -> replica.database()
			.sql("insert into reporting.release_period (tenant_id, unit, period, month) "
					+ "values (gen_random_uuid(), 'week', current_date, current_date)")
			.then()
			.as(replica.transactions()::transactional)
			.contextWrite(TenantContext.with(new TenantId(java.util.UUID.randomUUID())))
			.block()).hasMessageContaining("read-only transaction");
	}

	private void migrateInASeparateProcess() throws Exception {
		Path log = Path.of("target", "migration-job.log");
		Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LimberApplication.class.getName(), "--limber.db.migrations=only",
				"--limber.db.url=" + this.postgres.jdbcUrl(),
				"--limber.db.owner.password=" + ExternalPostgres.OWNER_PASSWORD)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(job.waitFor(180, TimeUnit.SECONDS)).as("migration job finished; see " + log).isTrue();
		assertThat(job.exitValue()).as("migration job exit status; see " + log).isZero();
	}

	/**
	 * An instance that serves only: it neither migrates nor knows the owner role's
	 * password.
	 */
	private ConfigurableApplicationContext instance(Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(
				Map.of("server.port", "0", "limber.db.url", this.postgres.jdbcUrl(), "limber.db.app.password",
						ExternalPostgres.APP_PASSWORD, "limber.db.migrations", "skip", "limber.sessions.store", "redis",
						"spring.data.redis.port", String.valueOf(this.redis.port()), "management.health.redis.enabled",
						"true", "limber.security.allow-local-issuers", "true", "limber.security.platform.issuer-uri",
						TestIdentityProvider.issuer(TestIdentityProvider.PLATFORM), "limber.public-base-url",
						"http://localhost:" + this.publicPort));
		// team chats on an HTTPS receiver of the test CA; retries come quickly and do
		// not run out
		properties
			.putAll(Map.of("limber.notifications.channels.slack", "true", "limber.notifications.allow-local-receivers",
					"true", "limber.security.outbound-trust-bundle", TestCertificates.bundle(),
					"limber.notifications.worker.poll-interval", "200ms", "limber.notifications.worker.batch", "3",
					"limber.notifications.worker.backoff", "100ms", "limber.notifications.worker.max-backoff", "500ms",
					"limber.notifications.worker.max-attempts", "1000"));
		properties.putAll(extra);
		// as arguments, so they win over application.yml like an operator's settings do
		return new SpringApplicationBuilder(LimberApplication.class).run(properties.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new));
	}

	private static WebTestClient http(ConfigurableApplicationContext instance) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	private static void logActivity(WebTestClient http, String token) {
		http.post()
			.uri("/api/v1/activities")
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("routine", "desk-reset-5-min", "durationSeconds", 300))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private void awaitEmptyOutbox(TestOrganization organization) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (count(organization, "select count(*) from programs.participation_outbox") > 0) {
			assertThat(System.nanoTime()).as("outbox drained within 30 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private long count(TestOrganization organization, String sql) throws Exception {
		return this.postgres.count(organization.id(), sql);
	}

	private static double applied(ConfigurableApplicationContext instance) {
		return instance.getBean(io.micrometer.core.instrument.MeterRegistry.class)
			.get("limber.reporting.outbox.applied")
			.counter()
			.count();
	}

}
