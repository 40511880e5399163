package dev.limber.app.database;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.database.DatabaseFailures;
import dev.limber.kernel.database.ReadReplica;
import dev.limber.kernel.database.Workload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workload draws from its own pool, and every runtime connection carries the request
 * path's timeouts and temp file limit.
 */
class DatabaseBulkheadTests extends LimberIntegrationTest {

	@Autowired
	private ConnectionFactory connections;

	@Autowired
	private TransactionalOperator transactions;

	@Autowired
	private ReadReplica replica;

	@Test
	void eachWorkloadHasItsOwnPoolWithTheRuntimeTimeouts() {
		assertThat(settings(Workload.REQUEST)).containsEntry("application_name", "limber");
		assertThat(settings(Workload.REPORT)).containsEntry("application_name", "limber-reports");
		assertThat(settings(Workload.BACKGROUND)).containsEntry("application_name", "limber-background");
		for (Workload workload : Workload.values()) {
			assertThat(settings(workload)).as(workload.name())
				.containsEntry("statement_timeout", "8s")
				.containsEntry("lock_timeout", "2s")
				.containsEntry("temp_file_limit", "1GB");
		}
	}

	@Test
	void aReportsReadJoinsItsTransactionSoAReportHoldsOneConnection() {
		DatabaseClient database = DatabaseClient.create(this.connections);
		Map<String, Object> outer = database.sql("select pg_backend_pid() as pid")
			.fetch()
			.one()
			.flatMap((first) -> this.replica.database()
				.sql("select pg_backend_pid() as pid")
				.fetch()
				.one()
				.as(this.replica.transactions()::transactional)
				.map((inner) -> Map.of("outer", first.get("pid"), "inner", inner.get("pid"))))
			.as(this.transactions::transactional)
			.contextWrite(Workload.REPORT.asContext())
			.block();
		assertThat(outer.get("inner")).isEqualTo(outer.get("outer"));
	}

	/**
	 * A request learns when one of its transactions begins to commit (through the
	 * transaction manager, the tenant binding and the pool), so that its deadline does
	 * not answer 503 for work that may be done; a read-only request never does.
	 */
	@Test
	void aRequestKnowsWhenItsTransactionBeganToCommit() {
		DatabaseClient database = DatabaseClient.create(this.connections);
		DatabaseWork reading = new DatabaseWork(true);
		database.sql("select 1").fetch().one().contextWrite(DatabaseWork.with(reading)).block();
		assertThat(reading.hasBegunCommitting()).as("a statement outside a transaction").isFalse();

		DatabaseWork writing = new DatabaseWork(true);
		database.sql("select 1")
			.fetch()
			.one()
			.as(this.transactions::transactional)
			.contextWrite(DatabaseWork.with(writing))
			.block();
		assertThat(writing.hasBegunCommitting()).as("a transaction").isTrue();
	}

	/**
	 * What a report does with its rows and after its commit runs on the reports' threads,
	 * never on the driver's.
	 */
	@Test
	void reportsComputeOnTheirOwnThreads() {
		assertThat(threadsHandling(Workload.REPORT)).containsOnly("limber-reports");
		assertThat(threadsHandling(Workload.REQUEST)).doesNotContain("limber-reports");
	}

	/** Which threads see a query's rows, the query's end and its transaction's commit. */
	private java.util.Set<String> threadsHandling(Workload workload) {
		java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
		DatabaseClient.create(this.connections)
			.sql("select generate_series(1, 1000) as n")
			.map((row) -> row.get("n", Integer.class))
			.all()
			.doOnNext((n) -> threads.add(pool(Thread.currentThread())))
			.then()
			.doOnSuccess((done) -> threads.add(pool(Thread.currentThread())))
			.as(this.transactions::transactional)
			.doOnSuccess((committed) -> threads.add(pool(Thread.currentThread())))
			.contextWrite(workload.asContext())
			.block();
		return threads;
	}

	private static String pool(Thread thread) {
		return thread.getName().replaceAll("-\\d+$", "");
	}

	/**
	 * Real failures of a real PostgreSQL, told apart: retry later (503), or a bug (500).
	 */
	@Test
	void timeoutsAndAReadOnlyServerAreUnavailableWhileBugsAreNot() {
		assertThat(failure("set local statement_timeout = '20ms'", "select pg_sleep(1)")).as("statement timeout")
			.matches(DatabaseFailures::isUnavailable);
		DatabaseClient database = DatabaseClient.create(this.connections);
		// hold the lock until told to let go, so the second taker surely finds it taken
		Sinks.Empty<Void> letGo = Sinks.empty();
		CountDownLatch held = new CountDownLatch(1);
		database.sql("select pg_advisory_xact_lock(4242)")
			.then()
			.doOnSuccess((locked) -> held.countDown())
			.then(letGo.asMono())
			.as(this.transactions::transactional)
			.contextWrite(Workload.BACKGROUND.asContext())
			.subscribe();
		try {
			assertThat(held.await(30, TimeUnit.SECONDS)).as("the lock taken by the holder").isTrue();
			assertThat(failure("set local lock_timeout = '20ms'", "select pg_advisory_xact_lock(4242)"))
				.as("lock timeout")
				.matches(DatabaseFailures::isUnavailable);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			letGo.tryEmitEmpty();
		}
		assertThat(failure("set transaction read only", "create temporary table t (x int)"))
			.as("a read-only server after a failover (25006)")
			.matches(DatabaseFailures::isUnavailable);
		assertThat(failure("select 1", "select * from no_such_table")).as("a bug")
			.matches((ex) -> !DatabaseFailures.isUnavailable(ex));
		assertThat(failure("select 1", "select 1 / 0")).as("a bug")
			.matches((ex) -> !DatabaseFailures.isUnavailable(ex));
	}

	private Throwable failure(String first, String second) {
		DatabaseClient database = DatabaseClient.create(this.connections);
		try {
			database.sql(first)
				.then()
				.then(database.sql(second).then())
				.as(this.transactions::transactional)
				.contextWrite(Workload.REQUEST.asContext())
				.block();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError(second + " did not fail");
	}

	private Map<String, Object> settings(Workload workload) {
		return DatabaseClient.create(this.connections)
			.sql("select current_setting('application_name') as application_name, "
					+ "current_setting('statement_timeout') as statement_timeout, "
					+ "current_setting('lock_timeout') as lock_timeout, "
					+ "current_setting('temp_file_limit') as temp_file_limit")
			.fetch()
			.one()
			.contextWrite(workload.asContext())
			.block();
	}

}
