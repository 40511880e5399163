package dev.limber.programs.content;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import dev.limber.kernel.database.ReferenceData;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogValues;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Program;
import dev.limber.programs.catalog.Routine;

/**
 * Copies the global catalog into {@code programs.catalog_*} at every start-up, so SQL
 * (for example reporting by category) sees exactly the content the code serves. Rows of
 * content removed from the YAML are removed here too.
 */
@Component
class CatalogTables implements ReferenceData {

	private final Catalog catalog;

	private final ObjectMapper json;

	CatalogTables(Catalog catalog, ObjectMapper json) {
		this.catalog = catalog;
		this.json = json;
	}

	@Override
	public void load(Connection connection) throws SQLException {
		try (Statement clear = connection.createStatement()) {
			clear.execute("delete from programs.catalog_exercise");
			clear.execute("delete from programs.catalog_routine");
			clear.execute("delete from programs.catalog_program");
		}
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into programs.catalog_exercise (slug, name, category, position, body_areas, equipment,
				    desk_friendly, document) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
			for (Exercise exercise : this.catalog.exercises()) {
				insert.setString(1, exercise.slug());
				insert.setString(2, exercise.name());
				insert.setString(3, CatalogValues.yamlName(exercise.category()));
				insert.setString(4, CatalogValues.yamlName(exercise.position()));
				insert.setArray(5, texts(connection, exercise.bodyAreas()));
				insert.setArray(6,
						texts(connection, exercise.equipment().stream().map(CatalogValues::yamlName).toList()));
				insert.setBoolean(7, exercise.deskFriendly());
				insert.setString(8, this.json.writeValueAsString(exercise));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into programs.catalog_routine (slug, name, category, total_seconds, document)
				values (?, ?, ?, ?, ?::jsonb)""")) {
			for (Routine routine : this.catalog.routines()) {
				insert.setString(1, routine.slug());
				insert.setString(2, routine.name());
				insert.setString(3, routine.category());
				insert.setInt(4, this.catalog.totalSeconds(routine));
				insert.setString(5, this.json.writeValueAsString(routine));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into programs.catalog_program (slug, name, weeks, document) values (?, ?, ?, ?::jsonb)")) {
			for (Program program : this.catalog.programs()) {
				insert.setString(1, program.slug());
				insert.setString(2, program.name());
				insert.setInt(3, program.weeks().size());
				insert.setString(4, this.json.writeValueAsString(program));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static Array texts(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

}
