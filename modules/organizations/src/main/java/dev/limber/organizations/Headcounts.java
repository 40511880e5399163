package dev.limber.organizations;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Eligible people per department and location: the organization's active members. Read
 * inside the caller's tenant transaction. Member ids leave the organizations module only
 * to be pseudonymized by reporting when it freezes a period's membership; they are never
 * stored or returned there.
 */
public interface Headcounts {

	Flux<Headcount> activeByDepartmentAndLocation();

	/**
	 * Active members who joined before {@code joinedBefore}, with their department and
	 * location now.
	 */
	Flux<Member> activeMembersJoinedBefore(Instant joinedBefore);

	/**
	 * The organization's smallest reportable group as stored now (a session may hold an
	 * older value).
	 */
	Mono<Integer> minGroupSize();

	/** {@code department} and {@code location} are empty strings when unknown. */
	record Headcount(String department, String location, long members) {
	}

	/** {@code department} and {@code location} are empty strings when unknown. */
	record Member(UUID id, String department, String location) {
	}

}
