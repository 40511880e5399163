package dev.limber.kernel.database;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

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
}
