package dev.limber.organizations.scim;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.UUID;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Address;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.UserResource;

/**
 * The member attributes Limber keeps from SCIM, and their mapping to the SCIM User
 * schema.
 */
record ScimUser(UUID id, String userName, String externalId, String displayName, String email, String department,
		String location, boolean active, OffsetDateTime created, OffsetDateTime updated) {

	/**
	 * A User as created or replaced: it must have a userName (RFC 7643 section 4.1.1).
	 */
	static ScimUser from(UserResource resource) throws ScimException {
		if (resource.getUserName() == null || resource.getUserName().isBlank()) {
			throw BadRequestException.invalidValue("userName is required.");
		}
		return patched(resource);
	}

	/**
	 * A User after a patch: a member who signed in before SCIM was switched on may have
	 * no userName (nor an email to show as one), and can still be deactivated.
	 */
	static ScimUser patched(UserResource resource) throws ScimException {
		String displayName = (resource.getDisplayName() != null) ? resource.getDisplayName()
				: (resource.getName() != null) ? resource.getName().getFormatted() : null;
		String email = (resource.getEmails() == null) ? null
				: resource.getEmails()
					.stream()
					.filter((candidate) -> Boolean.TRUE.equals(candidate.getPrimary()))
					.findFirst()
					.or(() -> resource.getEmails().stream().findFirst())
					.map(Email::getValue)
					.orElse(null);
		EnterpriseUserExtension enterprise = resource.getExtension(EnterpriseUserExtension.class);
		String location = (resource.getAddresses() == null) ? null
				: resource.getAddresses()
					.stream()
					.map(Address::getLocality)
					.filter((l) -> l != null)
					.findFirst()
					.orElse(null);
		return new ScimUser(null, resource.getUserName(), resource.getExternalId(), displayName, email,
				(enterprise != null) ? enterprise.getDepartment() : null, location,
				!Boolean.FALSE.equals(resource.getActive()), null, null);
	}

	UserResource toResource(String baseUrl) {
		UserResource resource = new UserResource().setUserName(this.userName)
			.setDisplayName(this.displayName)
			.setActive(this.active);
		resource.setId(this.id.toString());
		resource.setExternalId(this.externalId);
		if (this.email != null) {
			resource.setEmails(List.of(new Email().setValue(this.email).setType("work").setPrimary(true)));
		}
		if (this.location != null) {
			resource.setAddresses(List.of(new Address().setType("work").setLocality(this.location)));
		}
		if (this.department != null) {
			resource.setExtension(new EnterpriseUserExtension().setDepartment(this.department));
		}
		Meta meta = new Meta().setResourceType("User")
			.setLocation(URI.create(baseUrl + "/scim/v2/Users/" + this.id))
			.setCreated(GregorianCalendar.from(this.created.toZonedDateTime()))
			.setLastModified(GregorianCalendar.from(this.updated.toZonedDateTime()));
		resource.setMeta(meta);
		return resource;
	}

}
