package dev.limber.kernel.testing;

import java.util.List;

import dev.limber.kernel.database.ModuleSchema;
import dev.limber.kernel.database.ReferenceData;
import dev.limber.kernel.database.SchemaMigrator;

/**
 * The schemas of the modules in a test's context, migrated on {@link TestPostgres} as the
 * application migrates them at start-up. A second context in the same JVM finds them
 * migrated.
 */
public final class TestMigrations {

	private TestMigrations() {
	}

	static synchronized TestMigrations migrate(List<ModuleSchema> schemas, List<ReferenceData> referenceData) {
		new SchemaMigrator(TestPostgres.jdbcUrl(), TestPostgres.OWNER, TestPostgres.ownerPassword(), TestPostgres.APP)
			.migrate(schemas, referenceData);
		return new TestMigrations();
	}

}
