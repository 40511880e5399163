package dev.limber.organizations.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit trail of the transaction's organization (row-level security scopes it),
 * newest first.
 */
@Repository
class AuditEntries {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final ObjectMapper json;

	AuditEntries(DatabaseClient database, ObjectMapper json) {
		this.database = database;
		this.json = json;
	}

	/**
	 * One entry as read: who acted (member id and name, if a member), when, what, on
	 * what.
	 */
	record Entry(long id, OffsetDateTime occurredAt, UUID actor, String actorName, String action, String subject,
			Map<String, Object> details) {
	}

	Flux<Entry> find(AuditFilter filter, int offset, int limit) {
		return this.database.sql("""
				select event.id, event.occurred_at, event.actor, member.display_name as actor_name, event.action,
				    event.subject, event.details
				from organizations.audit_event event
				left join organizations.member member on member.tenant_id = event.tenant_id and member.id = event.actor
				where (:action::text is null or event.action = :action::text)
				  and (:from::timestamptz is null or event.occurred_at >= :from::timestamptz)
				  and (:to::timestamptz is null or event.occurred_at < :to::timestamptz)
				order by event.occurred_at desc, event.id desc
				offset :offset limit :limit""")
			.bind("action", Parameter.fromOrEmpty(filter.action(), String.class))
			.bind("from", Parameter.fromOrEmpty(filter.from(), OffsetDateTime.class))
			.bind("to", Parameter.fromOrEmpty(filter.to(), OffsetDateTime.class))
			.bind("offset", offset)
			.bind("limit", limit)
			.map((row, metadata) -> new Entry(row.get("id", Long.class), row.get("occurred_at", OffsetDateTime.class),
					row.get("actor", UUID.class), row.get("actor_name", String.class), row.get("action", String.class),
					row.get("subject", String.class),
					this.json.readValue(row.get("details", Json.class).asString(), DETAILS)))
			.all();
	}

}
