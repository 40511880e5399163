package dev.limber.programs.illustration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.limber.programs.catalog.BasePose;
import dev.limber.programs.catalog.BodyAngle;
import dev.limber.programs.catalog.BodyPoint;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Illustration;
import dev.limber.programs.catalog.Keyframe;
import dev.limber.programs.catalog.Position;
import dev.limber.programs.catalog.Prop;

/**
 * An exercise's illustration laid out for drawing: the keyframes' figures, the furniture,
 * and one frame box that fits every keyframe, so stills and animation share a scale.
 */
final class Scene {

	/** Width to height of every picture, so cards and strips line up. */
	static final double ASPECT = 4.0 / 3.0;

	private final Illustration illustration;

	private final Camera camera;

	private final List<Map<BodyAngle, Double>> keyPoses = new ArrayList<>();

	private final List<Figure> keyFigures = new ArrayList<>();

	private final List<Shape> furniture;

	private final Bounds frame;

	private final boolean onItsFeet;

	Scene(Exercise exercise) {
		this.illustration = exercise.illustration();
		this.camera = new Camera(this.illustration.view());
		this.onItsFeet = exercise.position() == Position.STANDING || exercise.position() == Position.KNEELING
				|| exercise.position() == Position.ALL_FOURS;
		List<Figure> figures = this.keyFigures;
		for (Keyframe keyframe : this.illustration.keyframes()) {
			Map<BodyAngle, Double> pose = new EnumMap<>(BodyAngle.class);
			BasePose.of(exercise.position(), keyframe)
				.forEach((angle, degrees) -> pose.put(angle, degrees.doubleValue()));
			this.keyPoses.add(pose);
			figures.add(BodyModel.pose(pose, this.onItsFeet));
		}
		Bounds body = Bounds.EMPTY;
		for (Figure figure : figures) {
			body = body.with(bodyBounds(figure));
		}
		this.furniture = PropShapes.furniture(this.illustration.props(), figures, this.camera, body);
		this.frame = fit(propBounds(body, figures));
	}

	Camera camera() {
		return this.camera;
	}

	Bounds frame() {
		return this.frame;
	}

	/** The posed body of keyframe {@code index}, on the floor. */
	Figure keyFigure(int index) {
		return this.keyFigures.get(index);
	}

	int keyframeCount() {
		return this.keyPoses.size();
	}

	/** The shapes of keyframe {@code index}, back to front. */
	List<Shape> keyframe(int index) {
		return shapes(this.keyPoses.get(index));
	}

	/**
	 * The shapes of a pose between two keyframes ({@code t} from 0 to 1), interpolated
	 * angle by angle.
	 */
	List<Shape> between(int from, int to, double t) {
		Map<BodyAngle, Double> a = this.keyPoses.get(from), b = this.keyPoses.get(to);
		Map<BodyAngle, Double> pose = new EnumMap<>(BodyAngle.class);
		for (BodyAngle angle : BodyAngle.values()) {
			double start = a.getOrDefault(angle, 0.0), end = b.getOrDefault(angle, 0.0);
			pose.put(angle, start + (end - start) * smooth(t));
		}
		return shapes(pose);
	}

	private static double smooth(double t) {
		return t * t * (3 - 2 * t);
	}

	private List<Shape> shapes(Map<BodyAngle, Double> pose) {
		Figure figure = BodyModel.pose(pose, this.onItsFeet);
		List<Shape> shapes = new ArrayList<>(this.furniture);
		shapes.addAll(PropShapes.held(this.illustration.props(), figure, this.camera));
		shapes.addAll(BodyShapes.of(figure, this.camera));
		return shapes;
	}

	private Bounds bodyBounds(Figure figure) {
		Bounds bounds = Bounds.EMPTY;
		for (BodyPoint point : BodyPoint.values()) {
			Camera.Point p = this.camera.project(figure.at(point));
			bounds = bounds.with(p.x(), p.y(), Figure.radius(point) + 1);
		}
		return bounds;
	}

	/** Room for the props beside the body: a wall's band, a chair's seat, a balloon. */
	private Bounds propBounds(Bounds body, List<Figure> figures) {
		Bounds bounds = body;
		for (Prop prop : this.illustration.props()) {
			for (Figure figure : figures) {
				switch (prop.kind()) {
					case WALL, CHAIR -> {
						Camera.Point p = this.camera.project(figure.at(prop.at()));
						bounds = bounds.with(p.x(), p.y(), 24);
					}
					case BALLOON -> {
						Camera.Point p = this.camera
							.project(figure.at(BodyPoint.HEAD).plus(figure.facing().times(BodyModel.HEAD_RADIUS + 10)));
						bounds = bounds.with(p.x(), p.y(), 12);
					}
					case BIKE, ORBIT -> {
						Camera.Point p = this.camera.project(figure.at(prop.at()));
						bounds = bounds.with(p.x(), p.y(), prop.kind() == Prop.Kind.BIKE ? 30 : 22);
					}
					case MAT -> bounds = bounds.with(body.minX(), body.minY(), 9).with(body.maxX(), body.maxY(), 9);
					default -> {
					}
				}
			}
		}
		return bounds;
	}

	/**
	 * The frame box: the content with a margin, widened or heightened to the common
	 * aspect.
	 */
	private Bounds fit(Bounds content) {
		double margin = 6;
		double minX = content.minX() - margin, maxX = content.maxX() + margin;
		double minY = content.minY() - margin, maxY = this.camera.hasFloor() ? 6 : content.maxY() + margin;
		double width = maxX - minX, height = maxY - minY;
		if (width / height < ASPECT) {
			double grow = (height * ASPECT - width) / 2;
			minX -= grow;
			maxX += grow;
		}
		else {
			double grow = width / ASPECT - height;
			if (this.camera.hasFloor()) {
				minY -= grow;
			}
			else {
				minY -= grow / 2;
				maxY += grow / 2;
			}
		}
		return new Bounds(minX, minY, maxX, maxY);
	}

}
