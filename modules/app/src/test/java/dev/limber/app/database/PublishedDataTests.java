package dev.limber.app.database;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.limber.app.support.LimberIntegrationTest;
import dev.limber.kernel.database.ModuleSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organization data reaches other modules' SQL only through the views the organizations
 * module publishes, never its tables. Read from the database catalog, so it holds for
 * what all migrations together built (a later migration may redefine what an applied one
 * made).
 */
class PublishedDataTests extends LimberIntegrationTest {

	static final String OWNER = "organizations";

	/** What the organizations module publishes to SQL in other schemas. */
	static final Set<String> PUBLISHED = Set.of("organization_ids");

	static final Pattern REFERENCE = Pattern.compile("\\b" + OWNER + "\\.(\\w+)");

	@Autowired
	DatabaseClient database;

	@Autowired
	List<ModuleSchema> schemas;

	@Test
	void otherModulesFunctionsReadOnlyThePublishedViews() {
		List<String> functions = this.database.sql("""
				select n.nspname || '.' || p.proname as name, p.prosrc as body
				from pg_proc p join pg_namespace n on n.oid = p.pronamespace
				where n.nspname = any(:schemas)""")
			.bind("schemas", readers())
			.map((row, metadata) -> row.get("name", String.class) + " " + unpublished(row.get("body", String.class)))
			.all()
			.collectList()
			.block();
		assertThat(functions).isNotEmpty().allSatisfy((function) -> assertThat(function).endsWith(" []"));
	}

	@Test
	void otherModulesViewsAndKeysUseOnlyThePublishedViews() {
		List<String> sources = this.database
			.sql("""
					select v.relname as reader, t.relname as source
					from pg_depend d
					join pg_rewrite r on r.oid = d.objid
					join pg_class v on v.oid = r.ev_class
					join pg_class t on t.oid = d.refobjid
					where d.classid = 'pg_rewrite'::regclass and d.refclassid = 'pg_class'::regclass
					    and v.relnamespace::regnamespace::text = any(:schemas) and t.relnamespace::regnamespace::text = :owner
					union
					select c.conrelid::regclass::text, f.relname
					from pg_constraint c join pg_class f on f.oid = c.confrelid
					where c.contype = 'f' and c.connamespace::regnamespace::text = any(:schemas)
					    and f.relnamespace::regnamespace::text = :owner""")
			.bind("schemas", readers())
			.bind("owner", OWNER)
			.map((row, metadata) -> row.get("source", String.class))
			.all()
			.collectList()
			.block();
		assertThat(sources).allSatisfy((source) -> assertThat(PUBLISHED).contains(source));
	}

	@Test
	void theRuleFindsATableReadDirectly() {
		assertThat(unpublished("select id from organizations.organization_ids")).isEmpty();
		assertThat(unpublished("select m.id from organizations.member m join organizations.organization_ids o"))
			.containsExactly("member");
	}

	@Test
	void theAppMayReadThePublishedViewButNotWriteThroughIt() {
		assertThat(this.database.sql("select count(*) as n from organizations.organization_ids")
			.map((row, metadata) -> row.get("n", Long.class))
			.one()
			.block()).isNotNull();
		assertThatThrownBy(
				() -> this.database.sql("insert into organizations.organization_ids (id) values (gen_random_uuid())")
					.then()
					.block())
			.hasMessageContaining("permission denied");
	}

	private String[] readers() {
		return this.schemas.stream()
			.map(ModuleSchema::name)
			.filter((name) -> !name.equals(OWNER))
			.toArray(String[]::new);
	}

	static List<String> unpublished(String sql) {
		List<String> names = new java.util.ArrayList<>();
		Matcher matcher = REFERENCE.matcher(sql);
		while (matcher.find()) {
			if (!PUBLISHED.contains(matcher.group(1))) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

}
