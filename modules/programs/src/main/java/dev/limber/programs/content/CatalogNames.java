package dev.limber.programs.content;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.limber.programs.ActivityCatalog;
import dev.limber.programs.catalog.Routine;

/** Publishes the names activities can carry, for rules in other modules (challenges). */
@Component
class CatalogNames implements ActivityCatalog {

	private final TenantCatalogs catalogs;

	CatalogNames(TenantCatalogs catalogs) {
		this.catalogs = catalogs;
	}

	@Override
	public Mono<Set<String>> routines() {
		return this.catalogs.current()
			.map((catalog) -> catalog.routines()
				.stream()
				.map(Routine::slug)
				.collect(Collectors.toCollection(TreeSet::new)));
	}

	@Override
	public Mono<Set<String>> categories() {
		return this.catalogs.current().map((catalog) -> {
			Set<String> categories = new TreeSet<>();
			catalog.routines().forEach((routine) -> categories.add(routine.category()));
			catalog.exercises()
				.forEach((exercise) -> categories
					.add(exercise.category().name().toLowerCase(Locale.ROOT).replace('_', '-')));
			return categories;
		});
	}

}
