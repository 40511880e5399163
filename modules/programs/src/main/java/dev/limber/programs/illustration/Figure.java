package dev.limber.programs.illustration;

import java.util.EnumMap;
import java.util.Map;

import dev.limber.programs.catalog.BodyPoint;

/**
 * A posed body: where each body point is, and where the face looks.
 *
 * @param points every body point
 * @param facing the direction the face looks
 */
record Figure(Map<BodyPoint, Vec> points, Vec facing) {

	/** How close to the floor a point must be to count as resting on it (cm). */
	private static final double SUPPORT_TOLERANCE = 3;

	/**
	 * How far the body's surface reaches below each point (half a limb's or the trunk's
	 * thickness).
	 */
	static double radius(BodyPoint point) {
		return switch (point) {
			case HEAD -> BodyModel.HEAD_RADIUS;
			case CHEST, MID_BACK, PELVIS -> 10;
			case LEFT_HIP, RIGHT_HIP -> 7;
			case LEFT_KNEE, RIGHT_KNEE -> 6;
			case LEFT_SHOULDER, RIGHT_SHOULDER -> 5;
			default -> 4;
		};
	}

	Vec at(BodyPoint point) {
		return this.points.get(point);
	}

	/**
	 * The same figure moved so its lowest surface rests on the floor (y = 0) and, when it
	 * stands, kneels or is on all fours, what it rests on is centred: feet, knees and
	 * hands stay put from one keyframe to the next. A lying or seated figure keeps its
	 * pelvis in place instead.
	 */
	Figure grounded(boolean onItsFeet) {
		double lowest = Double.MAX_VALUE;
		for (Map.Entry<BodyPoint, Vec> entry : this.points.entrySet()) {
			lowest = Math.min(lowest, entry.getValue().y() - radius(entry.getKey()));
		}
		double x = 0, z = 0;
		int touching = 0;
		for (Map.Entry<BodyPoint, Vec> entry : this.points.entrySet()) {
			if (entry.getValue().y() - radius(entry.getKey()) <= lowest + SUPPORT_TOLERANCE) {
				x += entry.getValue().x();
				z += entry.getValue().z();
				touching++;
			}
		}
		Vec shift = onItsFeet ? new Vec(-x / touching, -lowest, -z / touching) : new Vec(0, -lowest, 0);
		Map<BodyPoint, Vec> moved = new EnumMap<>(BodyPoint.class);
		this.points.forEach((point, position) -> moved.put(point, position.plus(shift)));
		return new Figure(moved, this.facing);
	}

}
