package dev.limber.organizations.audit;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;

/**
 * The audit trail as CSV (RFC 4180). A value that a spreadsheet would run as a formula
 * (it starts with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
 */
final class AuditCsv {

	static final String HEADER = "occurred_at,actor_id,actor_name,action,subject,details\r\n";

	private AuditCsv() {
	}

	static String line(AuditEntries.Entry entry, ObjectMapper json) {
		return Stream
			.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.occurredAt()),
					(entry.actor() != null) ? entry.actor().toString() : "", entry.actorName(), entry.action(),
					entry.subject(), json.writeValueAsString(entry.details()))
			.map(AuditCsv::field)
			.collect(Collectors.joining(",", "", "\r\n"));
	}

	private static String field(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
