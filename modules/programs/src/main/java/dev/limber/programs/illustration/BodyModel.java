package dev.limber.programs.illustration;

import java.util.EnumMap;
import java.util.Map;

import dev.limber.programs.catalog.BodyAngle;
import dev.limber.programs.catalog.BodyPoint;

import static dev.limber.programs.catalog.BodyAngle.*;

/**
 * The articulated body: segment lengths (in centimetres of a 172 cm adult) and forward
 * kinematics from body angles to the position of every joint. The pelvis is the root; the
 * spine bends in two halves so a rounded or dropped back shows as a curve.
 */
final class BodyModel {

	static final double TRUNK = 52, NECK = 7, HEAD_RADIUS = 11, SHOULDER_HALF = 17, HIP_HALF = 9;

	static final double UPPER_ARM = 29, FOREARM = 27, THIGH = 44, SHIN = 42, FOOT = 15;

	private BodyModel() {
	}

	/**
	 * Every body point of a pose and the facing of the head, put on the floor (see
	 * {@link Figure#grounded}).
	 */
	static Figure pose(Map<BodyAngle, ? extends Number> angles, boolean onItsFeet) {
		Angles a = new Angles(angles);
		Map<BodyPoint, Vec> points = new EnumMap<>(BodyPoint.class);
		Rotation root = Rotation.aboutY(-a.get(TURN))
			.then(Rotation.aboutX(a.get(ROLL)))
			.then(Rotation.aboutZ(-a.get(TILT)));
		Rotation halfSpine = bend(a.get(SPINE_FLEXION) / 2, a.get(SPINE_SIDE) / 2, a.get(SPINE_TWIST) / 2);
		Rotation lumbar = root.then(halfSpine);
		Rotation thoracic = lumbar.then(halfSpine);
		Vec pelvis = Vec.ZERO;
		Vec midBack = pelvis.plus(lumbar.apply(0, TRUNK / 2, 0));
		Vec chest = midBack.plus(thoracic.apply(0, TRUNK / 2, 0));
		Rotation head = thoracic.then(bend(a.get(NECK_FLEXION), a.get(NECK_SIDE), a.get(NECK_TWIST)));
		Vec neckTop = chest.plus(head.apply(0, NECK, 0));
		points.put(BodyPoint.PELVIS, pelvis);
		points.put(BodyPoint.MID_BACK, midBack);
		points.put(BodyPoint.CHEST, chest);
		points.put(BodyPoint.HEAD, neckTop.plus(head.apply(0, HEAD_RADIUS, 0)));
		for (Side side : Side.values()) {
			Rotation clavicle = thoracic.then(Rotation.aboutY(-side.sign * a.get(side.shoulderRetraction)))
				.then(Rotation.aboutX(-side.sign * a.get(side.shoulderElevation)));
			Vec shoulder = chest.plus(thoracic.apply(0, -3, 0)).plus(clavicle.apply(0, 0, side.sign * SHOULDER_HALF));
			Rotation upperArm = thoracic.then(limb(side, a.get(side.shoulderFlexion), a.get(side.shoulderAbduction),
					a.get(side.shoulderRotation)));
			Vec elbow = shoulder.plus(upperArm.apply(0, -UPPER_ARM, 0));
			Rotation forearm = upperArm.then(Rotation.aboutZ(a.get(side.elbowFlexion)));
			Vec hip = pelvis.plus(root.apply(0, 0, side.sign * HIP_HALF));
			Rotation thigh = root
				.then(limb(side, a.get(side.hipFlexion), a.get(side.hipAbduction), a.get(side.hipRotation)));
			Vec knee = hip.plus(thigh.apply(0, -THIGH, 0));
			Rotation shin = thigh.then(Rotation.aboutZ(-a.get(side.kneeFlexion)));
			Vec ankle = knee.plus(shin.apply(0, -SHIN, 0));
			Rotation foot = shin.then(Rotation.aboutZ(a.get(side.ankleFlexion)));
			points.put(side.shoulder, shoulder);
			points.put(side.elbow, elbow);
			points.put(side.hand, elbow.plus(forearm.apply(0, -FOREARM, 0)));
			points.put(side.hip, hip);
			points.put(side.knee, knee);
			points.put(side.ankle, ankle);
			points.put(side.toe, ankle.plus(foot.apply(FOOT - 4, -3, 0)));
		}
		return new Figure(points, head.apply(1, 0, 0)).grounded(onItsFeet);
	}

	/**
	 * Flexion, then a bend to the right, then a twist to the right, as for the spine and
	 * neck.
	 */
	private static Rotation bend(double flexion, double side, double twist) {
		return Rotation.aboutZ(-flexion).then(Rotation.aboutX(side)).then(Rotation.aboutY(-twist));
	}

	/**
	 * Flexion, abduction and external rotation of a shoulder or hip, mirrored for the
	 * left side.
	 */
	private static Rotation limb(Side side, double flexion, double abduction, double rotation) {
		return Rotation.aboutZ(flexion)
			.then(Rotation.aboutX(-side.sign * abduction))
			.then(Rotation.aboutY(-side.sign * rotation));
	}

	private record Angles(Map<BodyAngle, ? extends Number> values) {

		double get(BodyAngle angle) {
			Number value = this.values.get(angle);
			return value == null ? 0 : value.doubleValue();
		}

	}

	enum Side {

		LEFT(-1, BodyPoint.LEFT_SHOULDER, BodyPoint.LEFT_ELBOW, BodyPoint.LEFT_HAND, BodyPoint.LEFT_HIP,
				BodyPoint.LEFT_KNEE, BodyPoint.LEFT_ANKLE, BodyPoint.LEFT_TOE, LEFT_SHOULDER_ELEVATION,
				LEFT_SHOULDER_RETRACTION, LEFT_SHOULDER_FLEXION, LEFT_SHOULDER_ABDUCTION, LEFT_SHOULDER_ROTATION,
				LEFT_ELBOW_FLEXION, LEFT_HIP_FLEXION, LEFT_HIP_ABDUCTION, LEFT_HIP_ROTATION, LEFT_KNEE_FLEXION,
				LEFT_ANKLE_FLEXION),
		RIGHT(1, BodyPoint.RIGHT_SHOULDER, BodyPoint.RIGHT_ELBOW, BodyPoint.RIGHT_HAND, BodyPoint.RIGHT_HIP,
				BodyPoint.RIGHT_KNEE, BodyPoint.RIGHT_ANKLE, BodyPoint.RIGHT_TOE, RIGHT_SHOULDER_ELEVATION,
				RIGHT_SHOULDER_RETRACTION, RIGHT_SHOULDER_FLEXION, RIGHT_SHOULDER_ABDUCTION, RIGHT_SHOULDER_ROTATION,
				RIGHT_ELBOW_FLEXION, RIGHT_HIP_FLEXION, RIGHT_HIP_ABDUCTION, RIGHT_HIP_ROTATION, RIGHT_KNEE_FLEXION,
				RIGHT_ANKLE_FLEXION);

		final int sign;

		final BodyPoint shoulder, elbow, hand, hip, knee, ankle, toe;

		final BodyAngle shoulderElevation, shoulderRetraction, shoulderFlexion, shoulderAbduction, shoulderRotation,
				elbowFlexion, hipFlexion, hipAbduction, hipRotation, kneeFlexion, ankleFlexion;

		Side(int sign, BodyPoint shoulder, BodyPoint elbow, BodyPoint hand, BodyPoint hip, BodyPoint knee,
				BodyPoint ankle, BodyPoint toe, BodyAngle shoulderElevation, BodyAngle shoulderRetraction,
				BodyAngle shoulderFlexion, BodyAngle shoulderAbduction, BodyAngle shoulderRotation,
				BodyAngle elbowFlexion, BodyAngle hipFlexion, BodyAngle hipAbduction, BodyAngle hipRotation,
				BodyAngle kneeFlexion, BodyAngle ankleFlexion) {
			this.sign = sign;
			this.shoulder = shoulder;
			this.elbow = elbow;
			this.hand = hand;
			this.hip = hip;
			this.knee = knee;
			this.ankle = ankle;
			this.toe = toe;
			this.shoulderElevation = shoulderElevation;
			this.shoulderRetraction = shoulderRetraction;
			this.shoulderFlexion = shoulderFlexion;
			this.shoulderAbduction = shoulderAbduction;
			this.shoulderRotation = shoulderRotation;
			this.elbowFlexion = elbowFlexion;
			this.hipFlexion = hipFlexion;
			this.hipAbduction = hipAbduction;
			this.hipRotation = hipRotation;
			this.kneeFlexion = kneeFlexion;
			this.ankleFlexion = ankleFlexion;
		}

	}

}
