package dev.limber.programs.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.AuditActor;
import dev.limber.organizations.AuditTrail;
import dev.limber.programs.catalog.CatalogException;
import dev.limber.programs.content.OwnContentStore.Kind;

/**
 * An organization's own exercises and routines, written in the same shape as the YAML
 * catalog (see docs). They are checked like the global catalog, may not replace a global
 * entry, and every change is audited in its own transaction.
 */
@Service
class OwnContent {

	static final String SHARP_PAIN = "Stop right away if you feel sharp pain.";

	/**
	 * Own exercises, and own routines, an organization may keep: more than any library
	 * shows well.
	 */
	static final int MAX_PER_KIND = 200;

	/** One document as JSON: ten times the longest exercise of the global catalog. */
	static final int MAX_DOCUMENT_CHARS = 20_000;

	private final TenantCatalogs catalogs;

	private final OwnContentStore store;

	private final TransactionalOperator transactions;

	private final ObjectMapper json;

	private final AuditTrail trail;

	OwnContent(TenantCatalogs catalogs, OwnContentStore store, TransactionalOperator transactions, ObjectMapper json,
			AuditTrail trail) {
		this.trail = trail;
		this.catalogs = catalogs;
		this.store = store;
		this.transactions = transactions;
		this.json = json;
	}

	Mono<List<Map<String, Object>>> documents(Kind kind) {
		return this.catalogs.documents(kind).as(this.transactions::transactional);
	}

	/** Adds an exercise, with the sharp-pain caution every exercise carries. */
	Mono<Map<String, Object>> addExercise(Map<String, Object> document) {
		return add(Kind.EXERCISE, withSharpPainCaution(document));
	}

	/**
	 * Validates the organization's whole content with the new document before storing it.
	 */
	Mono<Map<String, Object>> add(Kind kind, Map<String, Object> document) {
		String slug = String.valueOf(document.get("slug"));
		String stored = this.json.writeValueAsString(document);
		if (stored.length() > MAX_DOCUMENT_CHARS) {
			return Mono.error(ApiException
				.unprocessable("A document may have at most " + MAX_DOCUMENT_CHARS + " characters as JSON."));
		}
		return TenantContext.require()
			.flatMap((tenant) -> Mono.zip(this.catalogs.documents(Kind.EXERCISE), this.catalogs.documents(Kind.ROUTINE))
				.flatMap((own) -> {
					List<Map<String, Object>> exercises = new ArrayList<>(own.getT1());
					List<Map<String, Object>> routines = new ArrayList<>(own.getT2());
					List<Map<String, Object>> sameKind = (kind == Kind.EXERCISE) ? exercises : routines;
					if (sameKind.size() >= MAX_PER_KIND) {
						throw ApiException.unprocessable("An organization keeps at most " + MAX_PER_KIND + " own "
								+ kind.name().toLowerCase(Locale.ROOT) + "s; delete one first.");
					}
					sameKind.add(document);
					validate(exercises, routines);
					return this.store.insert(kind, tenant, slug, stored).then(audit("own-content.added", kind, slug));
				})
				.as(this.transactions::transactional)
				.doOnSuccess((done) -> this.catalogs.evict(tenant)))
			.onErrorMap(DuplicateKeyException.class, (ex) -> ApiException.conflict("You already have '" + slug + "'."))
			.thenReturn(document);
	}

	Mono<Void> delete(Kind kind, String slug) {
		return TenantContext.require()
			.flatMap((tenant) -> this.store.delete(kind, slug)
				.flatMap((deleted) -> (deleted == 0) ? Mono.error(ApiException.notFound("Own content"))
						: Mono.zip(this.catalogs.documents(Kind.EXERCISE), this.catalogs.documents(Kind.ROUTINE))
							.doOnNext((own) -> validate(own.getT1(), own.getT2()))
							.then(audit("own-content.deleted", kind, slug)))
				.as(this.transactions::transactional)
				.doOnSuccess((done) -> this.catalogs.evict(tenant)))
			.then();
	}

	/**
	 * In the change's transaction, so the audit trail has exactly the changes that were
	 * made.
	 */
	private Mono<Void> audit(String action, Kind kind, String slug) {
		return AuditActor.current()
			.flatMap((actor) -> this.trail.record(actor.memberId(), action, kind.name().toLowerCase() + ":" + slug,
					actor.with(Map.of())));
	}

	private void validate(List<Map<String, Object>> exercises, List<Map<String, Object>> routines) {
		try {
			this.catalogs.merge(exercises, routines);
		}
		catch (CatalogException | IllegalArgumentException | ClassCastException ex) {
			throw ApiException.unprocessable(ex.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withSharpPainCaution(Map<String, Object> document) {
		Map<String, Object> copy = new LinkedHashMap<>(document);
		Object cautions = copy.get("cautions");
		List<Object> all = (cautions instanceof List<?> list) ? new ArrayList<>((List<Object>) list)
				: new ArrayList<>();
		if (all.stream().noneMatch((caution) -> String.valueOf(caution).toLowerCase().contains("sharp pain"))) {
			all.add(0, SHARP_PAIN);
		}
		copy.put("cautions", all);
		return copy;
	}

}
