package dev.limber.organizations.directory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an organization admin may change. The issuer and client stay with the platform
 * operator, since they decide who can sign in as this organization.
 *
 * @param minGroupSize smallest group HR reports may show (3..50)
 */
public record SettingsRequest(@NotBlank @Size(max = 200) String displayName,
		@Size(max = 20) List<@Pattern(regexp = "^[a-z0-9.-]+\\.[a-z]{2,}$",
				message = "must be a domain") String> emailDomains,
		@Valid OrganizationRequest.Claims claims, @NotNull @Min(3) @Max(50) Integer minGroupSize,
		@NotBlank @Size(max = 64) String timeZone) {
}
