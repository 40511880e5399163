package dev.limber.programs.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The degrees of freedom of the illustration body model, each with the range a healthy
 * adult reaches (degrees; flexion, abduction, external rotation and a bend or twist to
 * the figure's right are positive; a shoulder's elevation lifts it, its retraction draws
 * it back). Tilt, roll and turn place the whole body and are free. Written in YAML in
 * camelCase; a limb angle without "left"/"right" sets both sides.
 */
public enum BodyAngle {

	TILT(-180, 180), ROLL(-180, 180), TURN(-180, 180), SPINE_FLEXION(-40, 60), SPINE_SIDE(-35, 35),
	SPINE_TWIST(-45, 45), NECK_FLEXION(-50, 60), NECK_SIDE(-40, 40), NECK_TWIST(-70, 70),
	LEFT_SHOULDER_ELEVATION(-10, 30), RIGHT_SHOULDER_ELEVATION(-10, 30), LEFT_SHOULDER_RETRACTION(-20, 25),
	RIGHT_SHOULDER_RETRACTION(-20, 25), LEFT_SHOULDER_FLEXION(-60, 180), RIGHT_SHOULDER_FLEXION(-60, 180),
	LEFT_SHOULDER_ABDUCTION(-20, 180), RIGHT_SHOULDER_ABDUCTION(-20, 180), LEFT_SHOULDER_ROTATION(-70, 90),
	RIGHT_SHOULDER_ROTATION(-70, 90), LEFT_ELBOW_FLEXION(0, 150), RIGHT_ELBOW_FLEXION(0, 150),
	LEFT_HIP_FLEXION(-25, 140), RIGHT_HIP_FLEXION(-25, 140), LEFT_HIP_ABDUCTION(-25, 50), RIGHT_HIP_ABDUCTION(-25, 50),
	LEFT_HIP_ROTATION(-40, 50), RIGHT_HIP_ROTATION(-40, 50), LEFT_KNEE_FLEXION(0, 150), RIGHT_KNEE_FLEXION(0, 150),
	LEFT_ANKLE_FLEXION(-50, 25), RIGHT_ANKLE_FLEXION(-50, 25);

	private final int min;

	private final int max;

	BodyAngle(int min, int max) {
		this.min = min;
		this.max = max;
	}

	public int min() {
		return this.min;
	}

	public int max() {
		return this.max;
	}

	public boolean allows(int degrees) {
		return degrees >= this.min && degrees <= this.max;
	}

	/** The camelCase spelling of YAML, e.g. rightHipFlexion. */
	public String yamlName() {
		StringBuilder name = new StringBuilder();
		for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
			name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return name.toString();
	}

	/**
	 * The angles a YAML key sets: one, or both sides for an unsided limb angle; empty if
	 * unknown.
	 */
	static List<BodyAngle> forKey(String key) {
		List<BodyAngle> matches = new ArrayList<>();
		for (BodyAngle angle : values()) {
			String name = angle.yamlName();
			if (name.equals(key) || name.equals("left" + capitalized(key)) || name.equals("right" + capitalized(key))) {
				matches.add(angle);
			}
		}
		return matches;
	}

	private static String capitalized(String key) {
		return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
	}

}
