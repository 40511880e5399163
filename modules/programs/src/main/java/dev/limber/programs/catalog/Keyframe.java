package dev.limber.programs.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One pose of an illustration.
 *
 * @param step the exercise step (1-based) the pose shows; its text is the picture's text
 * alternative
 * @param angles the angles this pose sets; every other angle keeps its base position's
 * value
 */
public record Keyframe(int step, Map<BodyAngle, Integer> angles) {

	public Keyframe {
		angles = Collections.unmodifiableMap(angles.isEmpty() ? new EnumMap<>(BodyAngle.class) : new EnumMap<>(angles));
	}

}
