package dev.limber.app.database;

import io.r2dbc.spi.Connection;

/**
 * When PostgreSQL last answered a statement on a pooled connection. A request that waited
 * in vain for a connection cannot tell by itself whether the pool is busy with live work
 * or the database stopped answering (frozen, unreachable); this tells: if statements of
 * others were answered while it waited, the database is fine.
 */
final class DatabaseAnswers {

	private volatile long lastAnswer = System.nanoTime();

	/** The connection, noting every statement PostgreSQL answers on it. */
	Connection noting(Connection connection) {
		return new AnswerNotingConnection(connection, this);
	}

	void answered() {
		this.lastAnswer = System.nanoTime();
	}

	/** Whether PostgreSQL answered any statement after {@code nanoTime}. */
	boolean answeredSince(long nanoTime) {
		return this.lastAnswer - nanoTime > 0;
	}

}
