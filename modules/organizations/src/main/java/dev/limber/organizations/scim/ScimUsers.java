package dev.limber.organizations.scim;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.organizations.AuditTrail;
import dev.limber.organizations.directory.OrganizationStore;
import dev.limber.organizations.members.MemberStatus;

/**
 * The identity provider provisions, updates, deactivates ({@code active=false}) and
 * deletes members. Each change is audited in its own transaction, and every instance
 * hears that the member's state changed.
 */
@Service
class ScimUsers {

	private final ScimUserStore users;

	private final OrganizationStore organizations;

	private final MemberStatus status;

	private final TransactionalOperator transactions;

	private final PublicBaseUrl publicBaseUrl;

	private final AuditTrail trail;

	ScimUsers(ScimUserStore users, OrganizationStore organizations, MemberStatus status,
			TransactionalOperator transactions, PublicBaseUrl publicBaseUrl, AuditTrail trail) {
		this.users = users;
		this.organizations = organizations;
		this.status = status;
		this.transactions = transactions;
		this.publicBaseUrl = publicBaseUrl;
		this.trail = trail;
	}

	Mono<List<UserResource>> all() {
		String base = this.publicBaseUrl.toString();
		return this.users.findAll()
			.map((user) -> user.toResource(base))
			.collectList()
			.as(this.transactions::transactional);
	}

	Mono<UserResource> find(UUID id) {
		return find(id, this.users.findById(id)).as(this.transactions::transactional).map(this::resource);
	}

	/** A member who signed in before SCIM knew them is linked, not created twice. */
	Mono<UserResource> provision(ScimUser user) {
		return TenantContext.require()
			.flatMap(this.organizations::findById)
			.flatMap((organization) -> this.users.findSignedInMember(user, organization.issuerUri())
				.flatMap((existing) -> this.users.update(existing, user)
					.flatMap((linked) -> changed("member.linked", linked)))
				.switchIfEmpty(Mono.defer(() -> this.users.insert(user, organization.issuerUri())
					.flatMap((created) -> changed("member.provisioned", created)))))
			.as(this.transactions::transactional)
			.doOnNext(this::forget)
			.map(this::resource);
	}

	Mono<UserResource> replace(UUID id, ScimUser user) {
		return this.users.update(id, user)
			.flatMap((updated) -> changed("member.updated", updated))
			.as(this.transactions::transactional)
			.switchIfEmpty(notFound(id))
			.doOnNext(this::forget)
			.map(this::resource);
	}

	Mono<UserResource> patch(UUID id, PatchRequest patch) {
		return find(id, this.users.findById(id))
			.flatMap((current) -> Mono.fromCallable(() -> patched(resource(current), patch)))
			.flatMap((changed) -> this.users.update(id, changed))
			.flatMap((updated) -> changed("member.updated", updated))
			.as(this.transactions::transactional)
			.doOnNext(this::forget)
			.map(this::resource);
	}

	Mono<Void> delete(UUID id) {
		return this.users.delete(id)
			.flatMap((deleted) -> (deleted == 0) ? notFound(id)
					: this.status.changed(id)
						.then(this.trail.record(null, "member.deleted", id.toString(), Map.of("actor", "scim")))
						.thenReturn(id))
			.as(this.transactions::transactional)
			.doOnNext(this.status::forget)
			.then();
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

	/**
	 * And this instance at once, so the next request here sees it without waiting for the
	 * notice.
	 */
	private void forget(ScimUser user) {
		this.status.forget(user.id());
	}

	private UserResource resource(ScimUser user) {
		return user.toResource(this.publicBaseUrl.toString());
	}

	private static Mono<ScimUser> find(UUID id, Mono<ScimUser> found) {
		return found.switchIfEmpty(notFound(id));
	}

	private static <T> Mono<T> notFound(UUID id) {
		return Mono.error(() -> new ResourceNotFoundException("No User " + id));
	}

	private static ScimUser patched(UserResource current, PatchRequest patch) throws Exception {
		GenericScimResource generic = current.asGenericScimResource();
		patch.apply(generic);
		return ScimUser.patched(ScimJson.convert(generic.getObjectNode(), UserResource.class));
	}

}
