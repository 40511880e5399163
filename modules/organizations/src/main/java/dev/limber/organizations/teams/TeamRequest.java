package dev.limber.organizations.teams;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TeamRequest(@NotBlank @Size(max = 256) String name) {
}
