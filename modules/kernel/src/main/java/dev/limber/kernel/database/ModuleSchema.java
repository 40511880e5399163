package dev.limber.kernel.database;

/**
 * A module's claim on its own PostgreSQL schema. Each module publishes one as a bean; its
 * Flyway migrations live under {@code classpath:db/migration/<name>} and keep their
 * history in that schema, so modules version their tables independently.
 *
 * @param name the schema name, also the module name
 * @param order modules migrate in ascending order
 */
public record ModuleSchema(String name, int order) {

	public String migrationLocation() {
		return "classpath:db/migration/" + this.name;
	}

}
