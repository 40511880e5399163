package dev.limber.programs.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogLoader;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Routine;

/**
 * The catalog as one organization sees it: the global catalog plus its own exercises and
 * routines. Cached briefly per organization; writes on this instance evict at once.
 */
@Service
public class TenantCatalogs {

	private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private final Catalog global;

	private final OwnContentStore store;

	private final TransactionalOperator transactions;

	private final ObjectMapper json;

	private final AsyncCache<TenantId, Catalog> catalogs = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(5_000)
		.buildAsync();

	TenantCatalogs(Catalog global, OwnContentStore store, TransactionalOperator transactions, ObjectMapper json) {
		this.global = global;
		this.store = store;
		this.transactions = transactions;
		this.json = json;
	}

	/** The current tenant's catalog. */
	public Mono<Catalog> current() {
		return TenantContext.require()
			// the cached load is shared: one request going away must not cancel it
			// for the others
			.flatMap((tenant) -> Mono.fromFuture(this.catalogs.get(tenant,
					(key, executor) -> load().contextWrite(TenantContext.with(key)).toFuture()), true));
	}

	void evict(TenantId tenant) {
		this.catalogs.synchronous().invalidate(tenant);
	}

	/** The global catalog plus the given own content, validated together. */
	Catalog merge(List<Map<String, Object>> exercises, List<Map<String, Object>> routines) {
		List<Exercise> ownExercises = exercises.stream().map(CatalogLoader::exercise).toList();
		List<Routine> ownRoutines = routines.stream().map(CatalogLoader::routine).toList();
		return this.global.with(ownExercises, ownRoutines);
	}

	Mono<List<Map<String, Object>>> documents(OwnContentStore.Kind kind) {
		return this.store.documents(kind)
			.map((documents) -> documents.stream().map((document) -> this.json.readValue(document, DOCUMENT)).toList());
	}

	private Mono<Catalog> load() {
		return Mono.zip(documents(OwnContentStore.Kind.EXERCISE), documents(OwnContentStore.Kind.ROUTINE))
			.map((own) -> merge(own.getT1(), own.getT2()))
			.as(this.transactions::transactional);
	}

}
