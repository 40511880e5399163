package dev.limber.organizations.scim;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
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

import dev.limber.kernel.web.PublicBaseUrl;

/** SCIM 2.0 Groups: the identity provider's groups become Limber teams. */
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroupsController {

	private final ScimGroupStore groups;

	private final TransactionalOperator transactions;

	private final PublicBaseUrl publicBaseUrl;

	ScimGroupsController(ScimGroupStore groups, TransactionalOperator transactions, PublicBaseUrl publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
		this.groups = groups;
		this.transactions = transactions;
	}

	@GetMapping
	Mono<ResponseEntity<String>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count) {
		String base = this.publicBaseUrl.toString();
		return ScimRequests.list(this.groups.findAll().map((group) -> group.toResource(base)), this.transactions,
				filter, startIndex, count);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<String>> get(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap((uuid) -> this.groups.findById(uuid).as(this.transactions::transactional))
			.switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No Group " + id)))
			.map((group) -> ScimRequests.respond(HttpStatus.OK, group.toResource(this.publicBaseUrl.toString())));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers, for the API description
	Mono<ResponseEntity<String>> create(@RequestBody String body) {
		return Mono.fromCallable(() -> ScimGroup.from(ScimJson.read(body, GroupResource.class)))
			.flatMap(this.groups::insert)
			.as(this.transactions::transactional)
			.map((group) -> ScimRequests.respond(HttpStatus.CREATED, group.toResource(this.publicBaseUrl.toString())));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<String>> replace(@PathVariable String id, @RequestBody String body) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimGroup.from(ScimJson.read(body, GroupResource.class))))
			.flatMap((request) -> this.groups.update(request.getT1(), request.getT2()))
			.as(this.transactions::transactional)
			.switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No Group " + id)))
			.map((group) -> ScimRequests.respond(HttpStatus.OK, group.toResource(this.publicBaseUrl.toString())));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<String>> patch(@PathVariable String id, @RequestBody String body) {
		String base = this.publicBaseUrl.toString();
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimJson.readPatch(body)))
			.flatMap((request) -> this.groups.findById(request.getT1())
				.switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No Group " + id)))
				.flatMap((current) -> Mono.fromCallable(() -> patched(current.toResource(base), request.getT2())))
				.flatMap((changed) -> this.groups.update(request.getT1(), changed)))
			.as(this.transactions::transactional)
			.map((group) -> ScimRequests.respond(HttpStatus.OK, group.toResource(base)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT) // what the ResponseEntity answers, for the API description
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap(this.groups::delete)
			.as(this.transactions::transactional)
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(new ResourceNotFoundException("No Group " + id))
					: Mono.just(ResponseEntity.noContent().<Void>build()));
	}

	private static ScimGroup patched(GroupResource current, PatchRequest patch) throws Exception {
		GenericScimResource generic = current.asGenericScimResource();
		patch.apply(generic);
		return ScimGroup.from(ScimJson.convert(generic.getObjectNode(), GroupResource.class));
	}

}
