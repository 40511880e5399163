package dev.limber.organizations.scim;

import java.util.List;
import java.util.UUID;

import com.unboundid.scim2.common.ScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.utils.FilterEvaluator;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * What the SCIM Users and Groups endpoints share: ids, paging, filtering and responses.
 */
final class ScimRequests {

	static final int MAX_PAGE = 200;

	private ScimRequests() {
	}

	static UUID id(String value) throws ScimException {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ResourceNotFoundException("No resource with id " + value);
		}
	}

	/** Filters with the SDK's evaluator, then pages (startIndex is 1-based). */
	static <T extends ScimResource> ListResponse<T> page(List<T> resources, String filter, Integer startIndex,
			Integer count) throws ScimException {
		Filter parsed = (filter == null || filter.isBlank()) ? null : Filter.fromString(filter);
		List<T> matching = new java.util.ArrayList<>();
		for (T resource : resources) {
			if (parsed == null || FilterEvaluator.evaluate(parsed, resource.asGenericScimResource().getObjectNode())) {
				matching.add(resource);
			}
		}
		int start = Math.max(1, (startIndex != null) ? startIndex : 1);
		int size = Math.max(0, Math.min(MAX_PAGE, (count != null) ? count : 100));
		List<T> page = matching.stream().skip(start - 1L).limit(size).toList();
		return new ListResponse<>(matching.size(), page, start, page.size());
	}

	/** A list endpoint: all resources of the tenant, then filtered and paged. */
	static <T extends ScimResource> Mono<ResponseEntity<String>> list(Mono<List<T>> resources, String filter,
			Integer startIndex, Integer count) {
		return resources.flatMap((all) -> Mono.fromCallable(() -> page(all, filter, startIndex, count)))
			.map((page) -> respond(HttpStatus.OK, page));
	}

	static ResponseEntity<String> respond(HttpStatus status, Object body) {
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE))
			.body(ScimJson.write(body));
	}

}
