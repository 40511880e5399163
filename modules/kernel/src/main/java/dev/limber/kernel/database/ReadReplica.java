package dev.limber.kernel.database;

import io.r2dbc.spi.ConnectionFactory;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import dev.limber.kernel.tenant.TenantBindingTransactionManager;

/**
 * Where read-only queries go that may see data a moment old, such as reports: a
 * PostgreSQL read replica when one is configured, otherwise the primary. Its transactions
 * are read-only and bound to the tenant exactly like the primary's, so row-level security
 * applies on the replica too.
 *
 * @param database the client for queries; use it only inside {@code transactions}
 * @param transactions read-only, tenant-binding transactions on the same connections
 */
public record ReadReplica(DatabaseClient database, TransactionalOperator transactions) {

	/**
	 * Reads through {@code connections} (tenant-binding) in read-only transactions that
	 * bind the tenant: the primary's reports pool, or a replica's.
	 */
	public static ReadReplica on(ConnectionFactory connections) {
		// the driver begins it READ ONLY; enforcing it again would cost a SET
		// TRANSACTION round trip per report
		DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition();
		readOnly.setReadOnly(true);
		return new ReadReplica(DatabaseClient.create(connections),
				TransactionalOperator.create(new TenantBindingTransactionManager(connections), readOnly));
	}

}
