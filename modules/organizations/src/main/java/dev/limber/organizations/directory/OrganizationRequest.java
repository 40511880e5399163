package dev.limber.organizations.directory;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.limber.organizations.Role;

/**
 * What a platform operator sends to onboard or update an organization.
 *
 * @param audience audience the organization's access tokens carry; defaults to the client
 * id
 * @param minGroupSize smallest group HR reports may show (3..50, default 5)
 */
public record OrganizationRequest(
		@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
				message = "must be 2-63 lowercase letters, digits or hyphens") String slug,
		@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(max = 500) String issuerUri,
		@Size(max = 500) String audience, @NotBlank @Size(max = 200) String clientId,
		@Size(max = 500) String clientSecret,
		@Size(max = 20) List<@Pattern(regexp = "^[a-z0-9.-]+\\.[a-z]{2,}$",
				message = "must be a domain") String> emailDomains,
		@Valid Claims claims, @Min(3) @Max(50) Integer minGroupSize, @Size(max = 64) String timeZone) {

	/** Claim names and role values; any left out keep their defaults. */
	public record Claims(@Size(max = 100) String department, @Size(max = 100) String location,
			@Size(max = 100) String groups, @Size(max = 100) String roles, Map<Role, List<String>> roleValues) {
	}

}
