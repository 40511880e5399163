package dev.limber.app.database;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.database.DelegatingConnection;
import dev.limber.kernel.tenant.TenantBindingConnectionFactory;
import dev.limber.kernel.tenant.TenantBindingTransactionManager;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security, proven through the application's own pool and runtime role: queries
 * carry no tenant filter on purpose.
 */
class TenantIsolationTests extends LimberIntegrationTest {

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	ConnectionFactory connectionFactory;

	TenantId tenantA;

	TenantId tenantB;

	@BeforeEach
	void twoTenantsWithDepartments() {
		this.tenantA = new TenantId(onboard("iso-a").id());
		this.tenantB = new TenantId(onboard("iso-b").id());
		insertDepartment(this.tenantA, "A-Sales").block();
		insertDepartment(this.tenantA, "A-Support").block();
		insertDepartment(this.tenantB, "B-Sales").block();
	}

	@Test
	void queryWithoutTenantFilterSeesOnlyTheCurrentTenant() {
		assertThat(departmentNames(this.tenantA).block()).containsExactly("A-Sales", "A-Support");
		assertThat(departmentNames(this.tenantB).block()).containsExactly("B-Sales");
	}

	@Test
	void withNoTenantSetNothingIsVisible() {
		Mono<Long> inTransaction = this.database.sql("select count(*) as n from organizations.department")
			.map((row, metadata) -> row.get("n", Long.class))
			.one()
			.as(this.transactions::transactional);
		Mono<Long> outsideTransaction = this.database.sql("select count(*) as n from organizations.department")
			.map((row, metadata) -> row.get("n", Long.class))
			.one();
		assertThat(inTransaction.block()).isZero();
		assertThat(outsideTransaction.block()).isZero();
	}

	@Test
	void transactionCarriesTheTenantOfItsContext() {
		String setting = this.database.sql("select current_setting('app.tenant_id', true) as t")
			.map((row, metadata) -> row.get("t", String.class))
			.one()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(this.tenantA))
			.block();
		assertThat(setting).isEqualTo(this.tenantA.toString());
	}

	@Test
	void theTenantIsBoundInTheSameRoundTripAsTheTransactionBegins() {
		List<String> sent = new CopyOnWriteArrayList<>();
		ConnectionFactory pool = ((Wrapped<ConnectionFactory>) this.connectionFactory).unwrap();
		ConnectionFactory recording = new TenantBindingConnectionFactory(new RecordingConnections(pool, sent));
		String setting = DatabaseClient.create(recording)
			.sql("select current_setting('app.tenant_id', true) as t")
			.map((row, metadata) -> row.get("t", String.class))
			.one()
			.as(TransactionalOperator.create(new TenantBindingTransactionManager(recording))::transactional)
			.contextWrite(TenantContext.with(this.tenantA))
			.block();
		assertThat(setting).isEqualTo(this.tenantA.toString());
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0)).startsWith("BEGIN")
			.contains("set_config('app.tenant_id', '" + this.tenantA + "', true)");
	}

	/** Connections that note every statement they are asked to run. */
	private record RecordingConnections(ConnectionFactory pool, List<String> sent) implements ConnectionFactory {

		@Override
		public Publisher<? extends Connection> create() {
			return Mono.from(this.pool.create()).map((connection) -> new DelegatingConnection(connection) {

				@Override
				public Statement createStatement(String sql) {
					RecordingConnections.this.sent.add(sql);
					return super.createStatement(sql);
				}

			});
		}

		@Override
		public ConnectionFactoryMetadata getMetadata() {
			return this.pool.getMetadata();
		}

	}

	@Test
	void insertingForAnotherTenantIsRejectedByTheDatabase() {
		Mono<Void> foreignInsert = this.database
			.sql("insert into organizations.department (tenant_id, id, name) values (:t, gen_random_uuid(), 'X')")
			.bind("t", this.tenantB.value())
			.then()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(this.tenantA));
		assertThatThrownBy(foreignInsert::block).hasMessageContaining("row-level security");
	}

	@Test
	void updatingIntoAnotherTenantIsRejectedAndForeignRowsAreUntouchable() {
		Mono<Long> moveToB = this.database.sql("update organizations.department set tenant_id = :t")
			.bind("t", this.tenantB.value())
			.fetch()
			.rowsUpdated()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(this.tenantA));
		assertThatThrownBy(moveToB::block).hasMessageContaining("row-level security");

		Long renamed = this.database
			.sql("update organizations.department set name = name || '!' where name = 'B-Sales'")
			.fetch()
			.rowsUpdated()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(this.tenantA))
			.block();
		assertThat(renamed).isZero();
		assertThat(departmentNames(this.tenantB).block()).containsExactly("B-Sales");
	}

	@Test
	void interleavedTransactionsOfTwoTenantsOnOnePoolNeverSeeEachOther() {
		List<Boolean> isolated = Flux.range(0, 400).flatMap((i) -> {
			TenantId tenant = (i % 2 == 0) ? this.tenantA : this.tenantB;
			String prefix = (i % 2 == 0) ? "A-" : "B-";
			Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextInt(5));
			return this.database.sql("select name from organizations.department")
				.map((row, metadata) -> row.get("name", String.class))
				.all()
				.delayElements(pause)
				.collectList()
				.as(this.transactions::transactional)
				.contextWrite(TenantContext.with(tenant))
				.map((names) -> !names.isEmpty() && names.stream().allMatch((name) -> name.startsWith(prefix)));
		}, 32).collectList().block();
		assertThat(isolated).hasSize(400).containsOnly(true);
	}

	@Test
	void runtimeRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
		Boolean privileged = this.database
			.sql("select rolsuper or rolbypassrls as privileged from pg_roles where rolname = current_user")
			.map((row, metadata) -> row.get("privileged", Boolean.class))
			.one()
			.block();
		Long ownedTables = this.database.sql("select count(*) as n from pg_tables where tableowner = current_user")
			.map((row, metadata) -> row.get("n", Long.class))
			.one()
			.block();
		assertThat(privileged).isFalse();
		assertThat(ownedTables).isZero();
	}

	@Test
	void everyTenantOwnedTableForcesRowLevelSecurity() {
		List<String> unprotected = this.database.sql("""
				select n.nspname || '.' || c.relname as name
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
				where c.relkind in ('r', 'p') and not (c.relrowsecurity and c.relforcerowsecurity)""")
			.map((row, metadata) -> row.get("name", String.class))
			.all()
			.collectList()
			.block();
		assertThat(unprotected).isEmpty();
	}

	private Mono<Void> insertDepartment(TenantId tenant, String name) {
		return this.database.sql("insert into organizations.department (tenant_id, id, name) values (:t, :id, :name)")
			.bind("t", tenant.value())
			.bind("id", UUID.randomUUID())
			.bind("name", name)
			.then()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

	private Mono<List<String>> departmentNames(TenantId tenant) {
		return this.database.sql("select name from organizations.department order by name")
			.map((row, metadata) -> row.get("name", String.class))
			.all()
			.collectList()
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

}
