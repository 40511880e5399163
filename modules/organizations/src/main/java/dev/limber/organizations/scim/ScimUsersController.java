package dev.limber.organizations.scim;

import java.util.Map;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.organizations.AuditTrail;
import dev.limber.organizations.directory.OrganizationRepository;
import dev.limber.organizations.members.MemberStatus;

/**
 * SCIM 2.0 Users (RFC 7644): the organization's identity provider provisions, updates,
 * deactivates ({@code active=false}) and deletes members.
 */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {

	private final ScimUserStore users;

	private final OrganizationRepository organizations;

	private final MemberStatus status;

	private final TransactionalOperator transactions;

	private final PublicBaseUrl publicBaseUrl;

	private final AuditTrail trail;

	ScimUsersController(ScimUserStore users, OrganizationRepository organizations, MemberStatus status,
			TransactionalOperator transactions, PublicBaseUrl publicBaseUrl, AuditTrail trail) {
		this.publicBaseUrl = publicBaseUrl;
		this.trail = trail;
		this.users = users;
		this.organizations = organizations;
		this.status = status;
		this.transactions = transactions;
	}

	@GetMapping
	Mono<ResponseEntity<String>> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count) {
		String base = this.publicBaseUrl.toString();
		return ScimRequests.list(this.users.findAll().map((user) -> user.toResource(base)), this.transactions,
				filter, startIndex, count);
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<String>> get(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap((uuid) -> find(uuid).as(this.transactions::transactional))
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user.toResource(this.publicBaseUrl.toString())));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers, for the API description
	Mono<ResponseEntity<String>> create(@RequestBody String body) {
		return Mono.fromCallable(() -> ScimUser.from(ScimJson.read(body, UserResource.class)))
			.flatMap((user) -> TenantContext.require()
				.flatMap(this.organizations::findById)
				.flatMap((organization) -> this.users.findSignedInMember(user, organization.issuerUri())
					.flatMap((existing) -> this.users.update(existing, user).flatMap((linked) -> changed("member.linked", linked)))
					.switchIfEmpty(Mono.defer(() -> this.users.insert(user, organization.issuerUri())
						.flatMap((created) -> changed("member.provisioned", created))))))
			.as(this.transactions::transactional)
			.doOnNext(this::forget)
			.map((user) -> ScimRequests.respond(HttpStatus.CREATED, user.toResource(this.publicBaseUrl.toString())));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<String>> replace(@PathVariable String id, @RequestBody String body) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimUser.from(ScimJson.read(body, UserResource.class))))
			.flatMap((request) -> save(request.getT1(), request.getT2()))
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user.toResource(this.publicBaseUrl.toString())));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<String>> patch(@PathVariable String id, @RequestBody String body) {
		String base = this.publicBaseUrl.toString();
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.zipWhen((uuid) -> Mono.fromCallable(() -> ScimJson.readPatch(body)))
			.flatMap((request) -> find(request.getT1())
				.flatMap((current) -> Mono.fromCallable(() -> patched(current.toResource(base), request.getT2())))
				.flatMap((changed) -> this.users.update(request.getT1(), changed))
				.flatMap((updated) -> changed("member.updated", updated)))
			.as(this.transactions::transactional)
			.doOnNext(this::forget)
			.map((user) -> ScimRequests.respond(HttpStatus.OK, user.toResource(base)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT) // what the ResponseEntity answers, for the API description
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return Mono.fromCallable(() -> ScimRequests.id(id))
			.flatMap((uuid) -> this.users.delete(uuid)
				.flatMap((deleted) -> (deleted == 0) ? Mono.error(new ResourceNotFoundException("No User " + id))
						: this.status.changed(uuid)
							.then(this.trail.record(null, "member.deleted", uuid.toString(), Map.of("actor", "scim")))
							.thenReturn(uuid)))
			.as(this.transactions::transactional)
			.doOnNext(this.status::forget)
			.thenReturn(ResponseEntity.noContent().<Void>build());
	}

	private Mono<ScimUser> save(UUID id, ScimUser user) {
		return this.users.update(id, user)
			.flatMap((updated) -> changed("member.updated", updated))
			.as(this.transactions::transactional)
			.switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No User " + id)))
			.doOnNext(this::forget);
	}

	/**
	 * Audits the change and tells every instance, when the transaction commits, that this
	 * member's state changed.
	 */
	private Mono<ScimUser> changed(String action, ScimUser user) {
		return this.trail.record(null, action, user.id().toString(), Map.of("actor", "scim", "active", user.active()))
			.then(this.status.changed(user.id()))
			.thenReturn(user);
	}

	/** And this instance at once, so the next request here sees it without waiting for the notice. */
	private void forget(ScimUser user) {
		this.status.forget(user.id());
	}

	private Mono<ScimUser> find(UUID id) {
		return this.users.findById(id).switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("No User " + id)));
	}

	private static ScimUser patched(UserResource current, PatchRequest patch) throws Exception {
		GenericScimResource generic = current.asGenericScimResource();
		patch.apply(generic);
		return ScimUser.patched(ScimJson.convert(generic.getObjectNode(), UserResource.class));
	}

}
