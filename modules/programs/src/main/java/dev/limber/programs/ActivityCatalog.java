package dev.limber.programs;

import java.util.Set;

import reactor.core.publisher.Mono;

/** What activities can be about in the current tenant: its routines and categories. */
public interface ActivityCatalog {

	/** Slugs of the routines employees of the current tenant can log. */
	Mono<Set<String>> routines();

	/** Categories an activity can have: those of routines and of exercises. */
	Mono<Set<String>> categories();

}
