package dev.limber.programs.catalog;

/**
 * Points of the body model a prop can be placed at; written in camelCase in YAML
 * (rightToe).
 */
public enum BodyPoint {

	HEAD, CHEST, MID_BACK, PELVIS, LEFT_SHOULDER, LEFT_ELBOW, LEFT_HAND, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_TOE,
	RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_HAND, RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, RIGHT_TOE;

	public String yamlName() {
		String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

	static BodyPoint parse(String yamlName) {
		for (BodyPoint point : values()) {
			if (point.yamlName().equals(yamlName)) {
				return point;
			}
		}
		throw new IllegalArgumentException("unknown body point '" + yamlName + "'");
	}

}
