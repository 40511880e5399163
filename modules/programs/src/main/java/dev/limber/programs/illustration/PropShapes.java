package dev.limber.programs.illustration;

import java.util.ArrayList;
import java.util.List;

import dev.limber.programs.catalog.BodyPoint;
import dev.limber.programs.catalog.Prop;
import dev.limber.programs.catalog.View;

/**
 * Draws the props. Furniture (wall, chair, mat) stands still and is placed from the
 * keyframes; what the body holds or lies on (strap, towel, roller, ball, balloon) follows
 * each frame.
 */
final class PropShapes {

	private static final String WOOD = "#8a6d4f";

	private static final String WALL_FILL = "#e4e7eb";

	private static final String WALL_EDGE = "#7d8794";

	private PropShapes() {
	}

	/** Furniture, behind the figure; the same in every frame. */
	static List<Shape> furniture(List<Prop> props, List<Figure> keyframes, Camera camera, Bounds body) {
		List<Shape> shapes = new ArrayList<>();
		int n = 0;
		for (Prop prop : props) {
			String id = "prop-" + n++;
			switch (prop.kind()) {
				case MAT -> shapes.add(mat(id, camera, body));
				case WALL -> shapes.add(wall(id, prop.at(), keyframes.get(keyframes.size() - 1), camera, body));
				case CHAIR -> shapes.addAll(chair(id, prop.at(), keyframes, camera));
				case BIKE -> shapes.addAll(bike(id, prop.at(), keyframes.get(0), camera));
				case ORBIT -> shapes.addAll(orbit(id, prop.at(), keyframes.get(0), camera));
				default -> {
				}
			}
		}
		return shapes;
	}

	/** What the body holds or lies on, for one frame. */
	static List<Shape> held(List<Prop> props, Figure figure, Camera camera) {
		List<Shape> shapes = new ArrayList<>();
		int n = 0;
		for (Prop prop : props) {
			String id = "prop-" + n++;
			switch (prop.kind()) {
				case STRAP, TOWEL -> {
					Camera.Point a = BodyShapes.at(figure, camera, prop.at());
					Camera.Point b = BodyShapes.at(figure, camera, prop.to());
					double width = prop.kind() == Prop.Kind.STRAP ? 2.5 : 5;
					String look = "fill=\"none\" stroke=\"#b5651d\" stroke-width=\"" + Svg.number(width)
							+ "\" stroke-linecap=\"round\"";
					shapes.add(new Shape(id, look, Svg.line(a, b), Math.max(a.depth(), b.depth()) + 1));
				}
				case FOAM_ROLLER, BALL -> shapes.add(roller(id, prop, figure, camera));
				case BALLOON -> shapes.add(balloon(id, figure, camera));
				default -> {
				}
			}
		}
		return shapes;
	}

	private static Shape mat(String id, Camera camera, Bounds body) {
		String look = Shape.solid("#cfe3d4", "#5f8a6d");
		if (!camera.hasFloor()) {
			return new Shape(id, look,
					Svg.rect(body.minX() - 8, body.minY() - 8, body.width() + 16, body.height() + 16), -1000);
		}
		return new Shape(id, look, Svg.rect(body.minX() - 6, -2, body.width() + 12, 4), -1000);
	}

	/**
	 * A wall beside the body point in the last keyframe (where the move ends against it),
	 * on the side away from the trunk; when the point is at the trunk (a back against the
	 * wall) it is behind the body, or behind the figure from the front.
	 */
	private static Shape wall(String id, BodyPoint at, Figure figure, Camera camera, Bounds body) {
		String look = Shape.solid(WALL_FILL, WALL_EDGE);
		Camera.Point point = BodyShapes.at(figure, camera, at);
		double trunkX = (BodyShapes.at(figure, camera, BodyPoint.PELVIS).x()
				+ BodyShapes.at(figure, camera, BodyPoint.CHEST).x()) / 2;
		double top = Math.min(body.minY(), -150) - 10;
		double offset = point.x() - trunkX;
		if (Math.abs(offset) < 12 && camera.view() == View.FRONT) {
			return new Shape(id, look, Svg.rect(body.minX() - 10, top, body.width() + 20, -top), -2000);
		}
		double direction = Math.abs(offset) >= 12 ? Math.signum(offset) : -Math.signum(facingX(figure, camera));
		double near = point.x() + direction * (Figure.radius(at) + 1);
		double x = direction > 0 ? near : near - 8;
		if (!camera.hasFloor()) {
			return new Shape(id, look, Svg.rect(x, body.minY() - 10, 8, body.height() + 20), -2000);
		}
		return new Shape(id, look, Svg.rect(x, top, 8, -top), -2000);
	}

	private static double facingX(Figure figure, Camera camera) {
		double x = camera.project(figure.facing()).x();
		return x == 0 ? 1 : x;
	}

	/**
	 * A chair whose seat is under the body point at its lowest, its back away from the
	 * body.
	 */
	private static List<Shape> chair(String id, BodyPoint at, List<Figure> keyframes, Camera camera) {
		Figure lowest = keyframes.get(0);
		for (Figure figure : keyframes) {
			if (figure.at(at).y() < lowest.at(at).y()) {
				lowest = figure;
			}
		}
		Camera.Point point = BodyShapes.at(lowest, camera, at);
		double seat = point.y() + Figure.radius(at);
		double body = (BodyShapes.at(lowest, camera, BodyPoint.LEFT_KNEE).x()
				+ BodyShapes.at(lowest, camera, BodyPoint.RIGHT_KNEE).x()
				+ BodyShapes.at(lowest, camera, BodyPoint.CHEST).x()) / 3;
		double away = Math.abs(body - point.x()) < 6 ? -Math.signum(facingX(lowest, camera))
				: -Math.signum(body - point.x());
		double left = point.x() - 20, width = 40;
		String look = Shape.solid(WOOD, WOOD);
		List<Shape> shapes = new ArrayList<>();
		shapes.add(new Shape(id + "-seat", look, Svg.rect(left, seat, width, 4), -500));
		shapes.add(new Shape(id + "-legs", "fill=\"none\" stroke=\"" + WOOD + "\" stroke-width=\"3\"",
				"M" + Svg.number(left + 2) + " " + Svg.number(seat + 4) + "V0M" + Svg.number(left + width - 2) + " "
						+ Svg.number(seat + 4) + "V0",
				-500));
		if (camera.view() == View.SIDE) {
			double backX = away < 0 ? left : left + width - 3;
			shapes.add(new Shape(id + "-back", look, Svg.rect(backX, seat - 42, 3, 42), -500));
		}
		return shapes;
	}

	/**
	 * A stationary bike fitted to the first keyframe: the saddle under the body point,
	 * the crank between the feet (each on a pedal, half a turn apart) and the handlebar
	 * at the hands; a dashed circle shows the pedals' path.
	 */
	private static List<Shape> bike(String id, BodyPoint saddle, Figure figure, Camera camera) {
		Camera.Point seat = BodyShapes.at(figure, camera, saddle);
		Camera.Point left = BodyShapes.at(figure, camera, BodyPoint.LEFT_ANKLE);
		Camera.Point right = BodyShapes.at(figure, camera, BodyPoint.RIGHT_ANKLE);
		Camera.Point hand = BodyShapes.at(figure, camera, BodyPoint.RIGHT_HAND);
		double crankX = (left.x() + right.x()) / 2, crankY = (left.y() + right.y()) / 2;
		double crank = Math.max(8, Math.hypot(left.x() - right.x(), left.y() - right.y()) / 2);
		double forward = Math.signum(hand.x() - seat.x());
		double seatTop = seat.y() + Figure.radius(saddle);
		double rear = seat.x() - forward * 22, front = hand.x() + forward * 8;
		double wheelX = crankX + forward * 24, wheelY = Math.min(crankY, -18);
		String frame = "fill=\"none\" stroke=\"#4a5560\" stroke-width=\"3.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"";
		String frameData = "M" + Svg.number(seat.x()) + " " + Svg.number(seatTop + 2) + "L" + Svg.number(crankX) + " "
				+ Svg.number(crankY) + "L" + Svg.number(rear) + " 0M" + Svg.number(rear - forward * 6) + " 0L"
				+ Svg.number(front + forward * 6) + " 0L" + Svg.number(hand.x()) + " " + Svg.number(hand.y() + 3) + "M"
				+ Svg.number(crankX) + " " + Svg.number(crankY) + "L" + Svg.number(wheelX) + " " + Svg.number(wheelY);
		List<Shape> shapes = new ArrayList<>();
		shapes.add(new Shape(id + "-wheel", Shape.solid("#c9ced6", "#4a5560"), Svg.circle(wheelX, wheelY, 16), -600));
		shapes.add(new Shape(id + "-frame", frame, frameData, -550));
		shapes.add(new Shape(id + "-saddle", Shape.solid("#2b3137", "#2b3137"),
				Svg.rect(seat.x() - 11, seatTop, 20, 3.5), -540));
		shapes.add(new Shape(id + "-pedals",
				"fill=\"none\" stroke=\"#4a5560\" stroke-width=\"1.2\" stroke-dasharray=\"3 3\"",
				Svg.circle(crankX, crankY, crank), -530));
		return shapes;
	}

	/**
	 * A dashed ellipse round a body point with an arrowhead at its front: the path of a
	 * circling move.
	 */
	private static List<Shape> orbit(String id, BodyPoint at, Figure figure, Camera camera) {
		Camera.Point centre = BodyShapes.at(figure, camera, at);
		double rx = 20, ry = 6;
		String dashed = "fill=\"none\" stroke=\"#d9822b\" stroke-width=\"2\" stroke-dasharray=\"4 3\"";
		double tipX = centre.x() + 4, tipY = centre.y() + ry;
		String arrow = "M" + Svg.number(tipX - 6) + " " + Svg.number(tipY - 4) + "L" + Svg.number(tipX) + " "
				+ Svg.number(tipY) + "L" + Svg.number(tipX - 6) + " " + Svg.number(tipY + 4) + "Z";
		return List.of(new Shape(id, dashed, Svg.ellipse(centre.x(), centre.y(), rx, ry), 1000),
				new Shape(id + "-arrow", Shape.solid("#d9822b", "#d9822b"), arrow, 1000));
	}

	private static Shape roller(String id, Prop prop, Figure figure, Camera camera) {
		Camera.Point point = BodyShapes.at(figure, camera, prop.at());
		boolean ball = prop.kind() == Prop.Kind.BALL;
		double r = ball ? 5 : 7.5;
		String look = Shape.solid(ball ? "#d9822b" : "#3f9b8f", "#1f5c55");
		double y = camera.hasFloor() ? -r : point.y();
		if (!ball && camera.view() != View.SIDE) {
			return new Shape(id, look, Svg.rect(point.x() - 22, y - r, 44, 2 * r), point.depth() - 20);
		}
		return new Shape(id, look, Svg.circle(point.x(), y, r), point.depth() - 20);
	}

	private static Shape balloon(String id, Figure figure, Camera camera) {
		Camera.Point mouth = camera
			.project(figure.at(BodyPoint.HEAD).plus(figure.facing().times(BodyModel.HEAD_RADIUS + 10)));
		return new Shape(id, Shape.solid("#d64545", "#8f2a2a"), Svg.ellipse(mouth.x(), mouth.y() - 2, 8, 10),
				mouth.depth() + 2);
	}

}
