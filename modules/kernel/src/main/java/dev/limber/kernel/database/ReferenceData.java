package dev.limber.kernel.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Read-only data a module ships with its code (such as a content catalog), written at
 * start-up after the migrations, over JDBC as the owner role, in one transaction. The
 * runtime role can only read it.
 */
public interface ReferenceData {

	void load(Connection ownerConnection) throws SQLException;

}
