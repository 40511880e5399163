package dev.limber.programs.illustration;

import java.util.ArrayList;
import java.util.List;

import dev.limber.programs.catalog.BodyPoint;

/**
 * Draws a posed figure: limbs as round-capped strokes, the trunk as a curve, the head as
 * a disc.
 */
final class BodyShapes {

	private BodyShapes() {
	}

	static List<Shape> of(Figure figure, Camera camera) {
		List<Shape> shapes = new ArrayList<>();
		Camera.Point pelvis = at(figure, camera, BodyPoint.PELVIS);
		Camera.Point mid = at(figure, camera, BodyPoint.MID_BACK);
		Camera.Point chest = at(figure, camera, BodyPoint.CHEST);
		Camera.Point head = at(figure, camera, BodyPoint.HEAD);
		double trunkDepth = (pelvis.depth() + mid.depth() + chest.depth()) / 3;
		for (BodyModel.Side side : BodyModel.Side.values()) {
			String name = side.name().toLowerCase(java.util.Locale.ROOT);
			limb(shapes, name + "-thigh", figure, camera, side.hip, side.knee, 12, trunkDepth);
			limb(shapes, name + "-shin", figure, camera, side.knee, side.ankle, 10, trunkDepth);
			limb(shapes, name + "-foot", figure, camera, side.ankle, side.toe, 6, trunkDepth);
			limb(shapes, name + "-upper-arm", figure, camera, side.shoulder, side.elbow, 8, trunkDepth);
			limb(shapes, name + "-forearm", figure, camera, side.elbow, side.hand, 7, trunkDepth);
			Camera.Point hand = at(figure, camera, side.hand);
			String color = hand.depth() < trunkDepth - 4 ? Shape.FAR : Shape.NEAR;
			shapes.add(new Shape(name + "-hand", Shape.solid(color, color), Svg.circle(hand.x(), hand.y(), 3.5),
					hand.depth() + 0.5));
		}
		Camera.Point leftHip = at(figure, camera, BodyPoint.LEFT_HIP),
				rightHip = at(figure, camera, BodyPoint.RIGHT_HIP);
		Camera.Point leftShoulder = at(figure, camera, BodyPoint.LEFT_SHOULDER);
		Camera.Point rightShoulder = at(figure, camera, BodyPoint.RIGHT_SHOULDER);
		shapes.add(new Shape("hips", Shape.limb(16, false), Svg.line(leftHip, rightHip), trunkDepth - 0.2));
		shapes.add(
				new Shape("shoulders", Shape.limb(11, false), Svg.line(leftShoulder, rightShoulder), trunkDepth - 0.2));
		shapes.add(new Shape("trunk", Shape.limb(20, false), Svg.curveThrough(pelvis, mid, chest), trunkDepth));
		shapes.add(new Shape("neck", Shape.limb(8, false), Svg.line(chest, head), trunkDepth + 0.1));
		shapes.add(new Shape("head", Shape.solid(Shape.NEAR, Shape.NEAR),
				Svg.circle(head.x(), head.y(), BodyModel.HEAD_RADIUS), head.depth() + 0.2));
		Camera.Point face = camera.project(figure.at(BodyPoint.HEAD).plus(figure.facing().times(6.5)));
		double eye = face.depth() >= head.depth() - 1 ? 2.2 : 0.01;
		shapes.add(new Shape("eye", Shape.solid("#ffffff", "#ffffff"), Svg.circle(face.x(), face.y() - 1.5, eye),
				head.depth() + 0.3));
		return shapes;
	}

	private static void limb(List<Shape> shapes, String id, Figure figure, Camera camera, BodyPoint from, BodyPoint to,
			double width, double trunkDepth) {
		Camera.Point a = at(figure, camera, from), b = at(figure, camera, to);
		double depth = (a.depth() + b.depth()) / 2;
		shapes.add(new Shape(id, Shape.limb(width, depth < trunkDepth - 4), Svg.line(a, b), depth));
	}

	static Camera.Point at(Figure figure, Camera camera, BodyPoint point) {
		return camera.project(figure.at(point));
	}

}
