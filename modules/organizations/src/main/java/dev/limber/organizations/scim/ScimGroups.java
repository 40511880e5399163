package dev.limber.organizations.scim;

import java.util.List;
import java.util.UUID;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.web.PublicBaseUrl;

/** The identity provider's groups as Limber teams: each change in one transaction. */
@Service
class ScimGroups {

	private final ScimGroupStore groups;

	private final TransactionalOperator transactions;

	private final PublicBaseUrl publicBaseUrl;

	ScimGroups(ScimGroupStore groups, TransactionalOperator transactions, PublicBaseUrl publicBaseUrl) {
		this.groups = groups;
		this.transactions = transactions;
		this.publicBaseUrl = publicBaseUrl;
	}

	Mono<List<GroupResource>> all() {
		String base = this.publicBaseUrl.toString();
		return this.groups.findAll()
			.map((group) -> group.toResource(base))
			.collectList()
			.as(this.transactions::transactional);
	}

	Mono<GroupResource> find(UUID id) {
		return this.groups.findById(id)
			.as(this.transactions::transactional)
			.switchIfEmpty(notFound(id))
			.map(this::resource);
	}

	Mono<GroupResource> create(ScimGroup group) {
		return this.groups.insert(group).as(this.transactions::transactional).map(this::resource);
	}

	Mono<GroupResource> replace(UUID id, ScimGroup group) {
		return this.groups.update(id, group)
			.as(this.transactions::transactional)
			.switchIfEmpty(notFound(id))
			.map(this::resource);
	}

	Mono<GroupResource> patch(UUID id, PatchRequest patch) {
		return this.groups.findById(id)
			.switchIfEmpty(notFound(id))
			.flatMap((current) -> Mono.fromCallable(() -> patched(resource(current), patch)))
			.flatMap((changed) -> this.groups.update(id, changed))
			.as(this.transactions::transactional)
			.map(this::resource);
	}

	Mono<Void> delete(UUID id) {
		return this.groups.delete(id)
			.as(this.transactions::transactional)
			.flatMap((deleted) -> (deleted == 0) ? notFound(id) : Mono.empty());
	}

	private GroupResource resource(ScimGroup group) {
		return group.toResource(this.publicBaseUrl.toString());
	}

	private static <T> Mono<T> notFound(UUID id) {
		return Mono.error(() -> new ResourceNotFoundException("No Group " + id));
	}

	private static ScimGroup patched(GroupResource current, PatchRequest patch) throws Exception {
		GenericScimResource generic = current.asGenericScimResource();
		patch.apply(generic);
		return ScimGroup.from(ScimJson.convert(generic.getObjectNode(), GroupResource.class));
	}

}
