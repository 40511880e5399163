package dev.limber.kernel.tenant;

import java.util.Optional;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds every transaction to the tenant found in the Reactor context.
 * <p>
 * The setting is transaction-local ({@code set_config(..., true)}), so it ends with the
 * transaction and can never leak to the next borrower of a pooled connection. Row-level
 * security policies read it; with no tenant in the context nothing is set and the
 * policies match no row. Connections of a {@link TenantBindingConnectionFactory} bind it
 * as they begin, in the same round trip; the binding here is for any other connection.
 */
public class TenantBindingTransactionManager extends R2dbcTransactionManager {

	static final String SETTING = "app.tenant_id";

	public TenantBindingTransactionManager(ConnectionFactory connectionFactory) {
		super(connectionFactory);
	}

	@Override
	protected Mono<Void> prepareTransactionalConnection(Connection connection, TransactionDefinition definition) {
		return super.prepareTransactionalConnection(connection, definition)
			.then(Mono.deferContextual((context) -> TenantContext.current(context)
				.filter((
						tenant) -> !TenantBindingConnectionFactory.boundAtBegin(connection).equals(Optional.of(tenant)))
				.map((tenant) -> bind(connection, tenant))
				.orElseGet(Mono::empty)));
	}

	private Mono<Void> bind(Connection connection, TenantId tenant) {
		return Mono
			.from(connection.createStatement("select set_config('" + SETTING + "', $1, true)")
				.bind("$1", tenant.toString())
				.execute())
			.flatMapMany((result) -> result.map((row, metadata) -> Boolean.TRUE))
			.then();
	}

}
