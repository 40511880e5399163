package dev.limber.organizations;

import reactor.core.publisher.Flux;

/**
 * Eligible people per department and location: the organization's active members. Read
 * inside the caller's tenant transaction; only counts leave the organizations module.
 */
public interface Headcounts {

	Flux<Headcount> activeByDepartmentAndLocation();

	/** {@code department} and {@code location} are empty strings when unknown. */
	record Headcount(String department, String location, long members) {
	}

}
