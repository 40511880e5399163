package dev.limber.organizations.departments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DepartmentRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String externalId) {
}
