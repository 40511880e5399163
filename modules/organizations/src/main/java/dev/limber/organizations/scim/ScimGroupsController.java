package dev.limber.organizations.scim;

import com.unboundid.scim2.common.types.GroupResource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SCIM 2.0 Groups: the identity provider's groups become Limber teams
 * ({@link ScimGroups}).
 */
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroupsController {

	private final ScimGroups groups;

	ScimGroupsController(ScimGroups groups) {
		this.groups = groups;
	}

	@GetMapping
	Mono<ResponseEntity<String>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count) {
		return ScimRequests.list(this.groups.all(), filter, startIndex, count);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<String>> get(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap(this.groups::find)
			.map((group) -> ScimRequests.respond(HttpStatus.OK, group));
	}

	@PostMapping
	// the status the ResponseEntity answers, for the API description
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<String>> create(@RequestBody String body) {
		return Mono.fromCallable(() -> ScimGroup.from(ScimJson.read(body, GroupResource.class)))
			.flatMap(this.groups::create)
			.map((group) -> ScimRequests.respond(HttpStatus.CREATED, group));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<String>> replace(@PathVariable String id, @RequestBody String body) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimGroup.from(ScimJson.read(body, GroupResource.class))))
			.flatMap((request) -> this.groups.replace(request.getT1(), request.getT2()))
			.map((group) -> ScimRequests.respond(HttpStatus.OK, group));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<String>> patch(@PathVariable String id, @RequestBody String body) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimJson.readPatch(body)))
			.flatMap((request) -> this.groups.patch(request.getT1(), request.getT2()))
			.map((group) -> ScimRequests.respond(HttpStatus.OK, group));
	}

	@DeleteMapping("/{id}")
	// the status the ResponseEntity answers, for the API description
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap(this.groups::delete)
			.thenReturn(ResponseEntity.noContent().<Void>build());
	}

}
