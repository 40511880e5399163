package dev.limber.organizations.scim;

import java.util.UUID;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.directory.OrganizationRepository;
import dev.limber.organizations.members.MemberSync;

/**
 * SCIM 2.0 Users (RFC 7644): the organization's identity provider provisions, updates,
 * deactivates ({@code active=false}) and deletes members.
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

	private final ScimUserStore users;

	private final OrganizationRepository organizations;

	private final MemberSync signIns;

	private final TransactionalOperator transactions;

	ScimUsersController(ScimUserStore users, OrganizationRepository organizations, MemberSync signIns,
			TransactionalOperator transactions) {
		this.users = users;
		this.organizations = organizations;
		this.signIns = signIns;
		this.transactions = transactions;
	}

	@GetMapping
	Mono<ResponseEntity<String>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
			ServerWebExchange exchange) {
		String base = ScimRequests.baseUrl(exchange);
		return ScimRequests.list(this.users.findAll().map((user) -> user.toResource(base)), this.transactions,
				filter, startIndex, count);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<String>> get(@PathVariable String id, ServerWebExchange exchange) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap((uuid) -> find(uuid).as(this.transactions::transactional))
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user.toResource(ScimRequests.baseUrl(exchange))));
	}

	@PostMapping
	Mono<ResponseEntity<String>> create(@RequestBody String body, ServerWebExchange exchange) {
		return Mono.fromCallable(() -> ScimUser.from(ScimJson.read(body, UserResource.class)))
			.flatMap((user) -> TenantContext.require()
				.flatMap(this.organizations::findById)
				.flatMap((organization) -> this.users.insert(user, organization.issuerUri())))
			.as(this.transactions::transactional)
			.map((user) -> ScimRequests.respond(HttpStatus.CREATED, user.toResource(ScimRequests.baseUrl(exchange))));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<String>> replace(@PathVariable String id, @RequestBody String body,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimUser.from(ScimJson.read(body, UserResource.class))))
			.flatMap((request) -> save(request.getT1(), request.getT2()))
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user.toResource(ScimRequests.baseUrl(exchange))));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<String>> patch(@PathVariable String id, @RequestBody String body,
			ServerWebExchange exchange) {
		String base = ScimRequests.baseUrl(exchange);
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimJson.readPatch(body)))
			.flatMap((request) -> find(request.getT1())
				.flatMap((current) -> Mono.fromCallable(() -> patched(current.toResource(base), request.getT2())))
				.flatMap((changed) -> this.users.update(request.getT1(), changed)))
			.as(this.transactions::transactional)
			.doOnNext((user) -> this.signIns.forgetAll())
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user.toResource(base)));
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap(this.users::delete)
			.as(this.transactions::transactional)
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(new ResourceNotFoundException("No User " + id))
					: Mono.fromRunnable(this.signIns::forgetAll).thenReturn(ResponseEntity.noContent().<Void>build()));
	}

	private Mono<ScimUser> save(UUID id, ScimUser user) {
		return this.users.update(id, user)
			.as(this.transactions::transactional)
			.switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No User " + id)))
			.doOnNext((saved) -> this.signIns.forgetAll());
	}

	private Mono<ScimUser> find(UUID id) {
		return this.users.findById(id).switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No User " + id)));
	}

	private static ScimUser patched(UserResource current, PatchRequest patch) throws Exception {
		GenericScimResource generic = current.asGenericScimResource();
		patch.apply(generic);
		return ScimUser.from(ScimJson.convert(generic.getObjectNode(), UserResource.class));
	}

}
