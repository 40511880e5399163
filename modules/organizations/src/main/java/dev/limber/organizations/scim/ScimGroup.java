package dev.limber.organizations.scim;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.UUID;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;

/** A team as SCIM sees it: a Group whose members are Users. */
record ScimGroup(UUID id, String displayName, String externalId, List<UUID> members, OffsetDateTime created) {

	/**
	 * What identity providers send at most (Entra ID and Okta: 256), and what a team name
	 * may hold.
	 */
	static final int MAX_NAME = 256;

	static ScimGroup from(GroupResource resource) throws ScimException {
		if (resource.getDisplayName() == null || resource.getDisplayName().isBlank()) {
			throw BadRequestException.invalidValue("displayName is required.");
		}
		if (resource.getDisplayName().length() > MAX_NAME) {
			throw BadRequestException.invalidValue("displayName must be at most " + MAX_NAME + " characters.");
		}
		List<UUID> members = (resource.getMembers() == null) ? List.of() : ids(resource.getMembers());
		return new ScimGroup(null, resource.getDisplayName(), resource.getExternalId(), members, null);
	}

	private static List<UUID> ids(List<Member> members) throws ScimException {
		try {
			return members.stream().map((member) -> UUID.fromString(member.getValue())).distinct().toList();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw BadRequestException.invalidValue("Every member value must be the id of a User.");
		}
	}

	GroupResource toResource(String baseUrl) {
		GroupResource resource = new GroupResource().setDisplayName(this.displayName)
			.setMembers(this.members.stream()
				.map((member) -> new Member().setValue(member.toString())
					.setType("User")
					.setRef(URI.create(baseUrl + "/scim/v2/Users/" + member)))
				.toList());
		resource.setId(this.id.toString());
		resource.setExternalId(this.externalId);
		resource.setMeta(new Meta().setResourceType("Group")
			.setLocation(URI.create(baseUrl + "/scim/v2/Groups/" + this.id))
			.setCreated(GregorianCalendar.from(this.created.toZonedDateTime())));
		return resource;
	}

}
