package dev.limber.organizations.departments;

import java.util.UUID;

/** A part of an organization that members belong to, as HR reports group them. */
public record Department(UUID id, String name, String externalId) {
}
