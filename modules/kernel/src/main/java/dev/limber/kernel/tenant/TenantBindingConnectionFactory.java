package dev.limber.kernel.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.r2dbc.postgresql.api.PostgresTransactionDefinition;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.limber.kernel.database.DelegatingConnection;

/**
 * Connections that begin a transaction and bind it to the tenant in the Reactor context
 * in one round trip ({@code BEGIN; select set_config(...)} as one simple query) instead
 * of two. {@link TenantBindingTransactionManager} binds only what was not bound this way,
 * so a transaction is never without its tenant, and one begun without a tenant still sees
 * nothing.
 */
public final class TenantBindingConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

	private final ConnectionFactory delegate;

	public TenantBindingConnectionFactory(ConnectionFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public Publisher<? extends Connection> create() {
		return Mono.from(this.delegate.create()).map(BindingConnection::new);
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.delegate;
	}

	/**
	 * The tenant a connection's current transaction was bound to as it began, if it was.
	 */
	static Optional<TenantId> boundAtBegin(Connection connection) {
		return (connection instanceof BindingConnection binding) ? Optional.ofNullable(binding.bound)
				: Optional.empty();
	}

	private static final class BindingConnection extends DelegatingConnection {

		private volatile TenantId bound;

		BindingConnection(Connection delegate) {
			super(delegate);
		}

		@Override
		public Publisher<Void> beginTransaction() {
			return Mono.fromRunnable(() -> this.bound = null).then(Mono.from(super.beginTransaction()));
		}

		@Override
		public Publisher<Void> beginTransaction(TransactionDefinition definition) {
			return Mono.deferContextual((context) -> {
				this.bound = null;
				Optional<TenantId> tenant = TenantContext.current(context);
				String begin = begin(definition);
				if (tenant.isEmpty() || begin == null) {
					return Mono.from(super.beginTransaction(definition));
				}
				// a UUID, so the literal cannot carry anything but itself
				String sql = begin + "; select set_config('" + TenantBindingTransactionManager.SETTING + "', '"
						+ tenant.get().value() + "', true)";
				return Flux.from(createStatement(sql).execute())
					.concatMap(Result::getRowsUpdated)
					.then(Mono.fromRunnable(() -> this.bound = tenant.get()));
			});
		}

		/**
		 * The driver's BEGIN for the definitions Spring makes; null for anything else
		 * (left to the driver).
		 */
		private static String begin(TransactionDefinition definition) {
			if (definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT) != null
					|| definition.getAttribute(PostgresTransactionDefinition.DEFERRABLE) != null) {
				return null;
			}
			List<String> modes = new ArrayList<>();
			IsolationLevel isolation = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
			if (isolation != null) {
				modes.add("ISOLATION LEVEL " + isolation.asSql());
			}
			Boolean readOnly = definition.getAttribute(TransactionDefinition.READ_ONLY);
			if (readOnly != null) {
				modes.add(readOnly ? "READ ONLY" : "READ WRITE");
			}
			return modes.isEmpty() ? "BEGIN" : "BEGIN " + String.join(", ", modes);
		}

	}

}
