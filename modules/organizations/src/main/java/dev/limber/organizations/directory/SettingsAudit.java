package dev.limber.organizations.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.organizations.AuditActor;
import dev.limber.organizations.AuditTrail;

/**
 * Writes what changed in an organization's settings to its audit trail, inside the
 * change's transaction: the reporting threshold, email domains and the claim mapping (it
 * decides who gets which role) each as their own action with old and new value.
 */
@Component
class SettingsAudit {

	private final AuditTrail trail;

	SettingsAudit(AuditTrail trail) {
		this.trail = trail;
	}

	Mono<Void> created(Organization organization) {
		return AuditActor.current()
			.flatMap((actor) -> this.trail.record(actor.memberId(), "organization.created", organization.slug(),
					actor.with(Map.of("emailDomains", organization.emailDomains(), "minGroupSize",
							organization.minGroupSize()))));
	}

	Mono<Void> changed(Organization before, Organization after) {
		Map<String, Object> settings = new LinkedHashMap<>();
		diff(settings, "displayName", before.displayName(), after.displayName());
		diff(settings, "timeZone", before.timeZone(), after.timeZone());
		diff(settings, "slug", before.slug(), after.slug());
		diff(settings, "issuerUri", before.issuerUri(), after.issuerUri());
		diff(settings, "clientId", before.clientId(), after.clientId());
		diff(settings, "audience", before.audience(), after.audience());
		if (!Objects.equals(before.clientSecret(), after.clientSecret())) {
			settings.put("clientSecret", Map.of("old", "(hidden)", "new", "(changed)"));
		}
		return AuditActor.current()
			.flatMap((actor) -> Flux.concat(record(actor, "settings.changed", settings),
					record(actor, "threshold.changed",
							change("minGroupSize", before.minGroupSize(), after.minGroupSize())),
					record(actor, "email-domains.changed",
							change("emailDomains", sorted(before.emailDomains()), sorted(after.emailDomains()))),
					record(actor, "claim-mapping.changed", change("claims", before.claims(), after.claims())))
				.then());
	}

	private Mono<Void> record(AuditActor actor, String action, Map<String, Object> changes) {
		return changes.isEmpty() ? Mono.empty()
				: this.trail.record(actor.memberId(), action, "organization", actor.with(changes));
	}

	private static List<String> sorted(List<String> domains) {
		return domains.stream().map((domain) -> domain.toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
	}

	private static Map<String, Object> change(String field, Object before, Object after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		diff(changes, field, before, after);
		return changes;
	}

	private static void diff(Map<String, Object> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("old", before);
			values.put("new", after);
			changes.put(field, values);
		}
	}

}
