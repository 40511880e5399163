package dev.limber.organizations.scim;

import com.unboundid.scim2.common.types.UserResource;
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
 * SCIM 2.0 Users (RFC 7644): the organization's identity provider provisions, updates,
 * deactivates ({@code active=false}) and deletes members ({@link ScimUsers}).
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

	private final ScimUsers users;

	ScimUsersController(ScimUsers users) {
		this.users = users;
	}

	@GetMapping
	Mono<ResponseEntity<String>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count) {
		return ScimRequests.list(this.users.all(), filter, startIndex, count);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<String>> get(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap(this.users::find)
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user));
	}

	@PostMapping
	// the status the ResponseEntity answers, for the API description
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<String>> create(@RequestBody String body) {
		return Mono.fromCallable(() -> ScimUser.from(ScimJson.read(body, UserResource.class)))
			.flatMap(this.users::provision)
			.map((user) -> ScimRequests.respond(HttpStatus.CREATED, user));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<String>> replace(@PathVariable String id, @RequestBody String body) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimUser.from(ScimJson.read(body, UserResource.class))))
			.flatMap((request) -> this.users.replace(request.getT1(), request.getT2()))
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<String>> patch(@PathVariable String id, @RequestBody String body) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimJson.readPatch(body)))
			.flatMap((request) -> this.users.patch(request.getT1(), request.getT2()))
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user));
	}

	@DeleteMapping("/{id}")
	// the status the ResponseEntity answers, for the API description
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap(this.users::delete)
			.thenReturn(ResponseEntity.noContent().<Void>build());
	}

}
