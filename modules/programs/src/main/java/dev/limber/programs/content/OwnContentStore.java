package dev.limber.programs.content;

import java.util.List;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/**
 * An organization's own exercise and routine documents; row-level security scopes them.
 */
@Repository
class OwnContentStore {

	enum Kind {

		EXERCISE("programs.own_exercise"), ROUTINE("programs.own_routine");

		private final String table;

		Kind(String table) {
			this.table = table;
		}

	}

	private final DatabaseClient database;

	OwnContentStore(DatabaseClient database) {
		this.database = database;
	}

	Mono<List<String>> documents(Kind kind) {
		return this.database.sql("select document from " + kind.table + " order by created_at, slug")
			.map((row, metadata) -> row.get("document", Json.class).asString())
			.all()
			.collectList();
	}

	Mono<Void> insert(Kind kind, TenantId tenant, String slug, String document) {
		return this.database
			.sql("insert into " + kind.table + " (tenant_id, slug, document) values (:tenant, :slug, :document)")
			.bind("tenant", tenant.value())
			.bind("slug", slug)
			.bind("document", Json.of(document))
			.then();
	}

	Mono<Long> delete(Kind kind, String slug) {
		return this.database.sql("delete from " + kind.table + " where slug = :slug")
			.bind("slug", slug)
			.fetch()
			.rowsUpdated();
	}

}
