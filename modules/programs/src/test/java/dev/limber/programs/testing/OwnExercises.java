package dev.limber.programs.testing;

import java.util.List;
import java.util.Map;

/**
 * An organization's own exercise as its admin posts it, shared through the programs
 * test-jar with the application's page tests.
 */
public final class OwnExercises {

	/** A seated neck stretch, valid as it stands; tests change a field to break it. */
	public static final Map<String, Object> NECK_TILT = Map.ofEntries(Map.entry("slug", "desk-neck-tilt"),
			Map.entry("name", "Desk neck tilt"), Map.entry("category", "stretch"),
			Map.entry("bodyAreas", List.of("neck")), Map.entry("position", "seated"),
			Map.entry("equipment", List.of("chair")), Map.entry("deskFriendly", true),
			Map.entry("steps", List.of("Sit tall.", "Tilt your ear toward your shoulder.", "Switch sides.")),
			Map.entry("dosage",
					Map.of("holdSeconds", Map.of("min", 20, "max", 30), "reps", Map.of("min", 1, "max", 2), "sets",
							Map.of("min", 1, "max", 1), "perSide", true)),
			Map.entry("muscles", List.of("upper trapezius")), Map.entry("cautions", List.of("Move slowly.")),
			Map.entry("sources", List.of("acme-occupational-health")));

	private OwnExercises() {
	}

}
