package dev.limber.organizations.audit;

import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.limber.organizations.AuditTrail;

/**
 * Appends audit entries; row-level security stamps nothing, so the tenant comes from the
 * binding.
 */
@Component
class AuditLog implements AuditTrail {

	private final DatabaseClient database;

	private final ObjectMapper json;

	AuditLog(DatabaseClient database, ObjectMapper json) {
		this.database = database;
		this.json = json;
	}

	@Override
	public Mono<Void> record(UUID actor, String action, String subject, Map<String, ?> details) {
		var spec = this.database
			.sql("""
					insert into organizations.audit_event (tenant_id, actor, action, subject, details)
					values (nullif(current_setting('app.tenant_id', true), '')::uuid, :actor, :action, :subject, :details)""");
		spec = (actor != null) ? spec.bind("actor", actor) : spec.bindNull("actor", UUID.class);
		return spec.bind("action", action)
			.bind("subject", (subject != null) ? subject : "")
			.bind("details", Json.of(this.json.writeValueAsString((details != null) ? details : Map.of())))
			.then();
	}

}
