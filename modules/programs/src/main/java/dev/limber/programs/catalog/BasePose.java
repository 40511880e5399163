package dev.limber.programs.catalog;

import java.util.EnumMap;
import java.util.Map;

import static dev.limber.programs.catalog.BodyAngle.*;

/**
 * The angles of each base position; a keyframe changes only what it names. Lying on the
 * back is a whole-body tilt of -90° (head to the left, face up), on the front +90°.
 */
public final class BasePose {

	private BasePose() {
	}

	public static Map<BodyAngle, Integer> of(Position position) {
		Map<BodyAngle, Integer> angles = new EnumMap<>(BodyAngle.class);
		switch (position) {
			case STANDING -> {
			}
			case SEATED -> {
				both(angles, LEFT_HIP_FLEXION, RIGHT_HIP_FLEXION, 90);
				both(angles, LEFT_KNEE_FLEXION, RIGHT_KNEE_FLEXION, 90);
			}
			case SUPINE -> angles.put(TILT, -90);
			case PRONE -> {
				angles.put(TILT, 90);
				both(angles, LEFT_SHOULDER_ABDUCTION, RIGHT_SHOULDER_ABDUCTION, 10);
				both(angles, LEFT_ANKLE_FLEXION, RIGHT_ANKLE_FLEXION, -40);
			}
			case KNEELING -> {
				both(angles, LEFT_KNEE_FLEXION, RIGHT_KNEE_FLEXION, 90);
				both(angles, LEFT_ANKLE_FLEXION, RIGHT_ANKLE_FLEXION, -45);
			}
			case ALL_FOURS -> {
				// arms are longer than thighs: the back slopes up a little from
				// hips to shoulders
				angles.put(TILT, 76);
				angles.put(NECK_FLEXION, -10);
				both(angles, LEFT_HIP_FLEXION, RIGHT_HIP_FLEXION, 76);
				both(angles, LEFT_KNEE_FLEXION, RIGHT_KNEE_FLEXION, 100);
				both(angles, LEFT_SHOULDER_FLEXION, RIGHT_SHOULDER_FLEXION, 76);
				both(angles, LEFT_ANKLE_FLEXION, RIGHT_ANKLE_FLEXION, -50);
			}
		}
		return angles;
	}

	/** The base position's angles with a keyframe's on top. */
	public static Map<BodyAngle, Integer> of(Position position, Keyframe keyframe) {
		Map<BodyAngle, Integer> angles = of(position);
		angles.putAll(keyframe.angles());
		return angles;
	}

	private static void both(Map<BodyAngle, Integer> angles, BodyAngle left, BodyAngle right, int degrees) {
		angles.put(left, degrees);
		angles.put(right, degrees);
	}

}
