package dev.limber.programs.enrollment;

import java.time.LocalDate;
import java.util.UUID;

/** A member following a multi-week program from a start day on. */
public record Enrollment(UUID id, String programSlug, LocalDate startedOn, String status) {
}
