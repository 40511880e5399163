package dev.limber.programs.illustration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.limber.programs.catalog.BodyAngle;
import dev.limber.programs.catalog.BodyPoint;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogException;
import dev.limber.programs.catalog.CatalogLoader;
import dev.limber.programs.catalog.Exercise;
import dev.limber.programs.catalog.Illustration;
import dev.limber.programs.catalog.Keyframe;
import dev.limber.programs.catalog.Prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every exercise of the catalog is drawn from its own keyframes, within the body model's
 * ranges, and the moves the issue names look like what they are.
 */
class IllustrationCatalogTests {

	private static final Catalog catalog = new CatalogLoader().load();

	@Test
	void everyCatalogExerciseHasTwoToFourKeyframesOfItsOwn() {
		for (Exercise exercise : catalog.exercises()) {
			List<Keyframe> keyframes = exercise.illustration().keyframes();
			assertThat(keyframes).as(exercise.slug() + " keyframes").hasSizeBetween(2, Illustration.MAX_KEYFRAMES);
			assertThat(keyframes.stream().filter((keyframe) -> !keyframe.angles().isEmpty()))
				.as(exercise.slug() + " draws its own poses, not only the base position")
				.isNotEmpty();
		}
	}

	@Test
	void everyKeyframeAngleIsWithinTheBodyModelsRanges() {
		List<String> outside = new ArrayList<>();
		for (Exercise exercise : catalog.exercises()) {
			for (Keyframe keyframe : exercise.illustration().keyframes()) {
				assertThat(keyframe.step()).as(exercise.slug()).isBetween(1, exercise.steps().size());
				keyframe.angles().forEach((angle, degrees) -> {
					if (degrees < angle.min() || degrees > angle.max()) {
						outside
							.add(exercise.slug() + " step " + keyframe.step() + " " + angle.yamlName() + " " + degrees);
					}
				});
			}
		}
		assertThat(outside).isEmpty();
	}

	@Test
	void theLoaderRefusesAnglesOutsideTheRangesUnknownAnglesAndMissingSteps() {
		assertThatThrownBy(() -> CatalogLoader.exercise(withPose(1, Map.of("kneeFlexion", 170))))
			.isInstanceOf(CatalogException.class)
			.hasMessageContaining("kneeFlexion")
			.hasMessageContaining("outside the body model's range 0° to 150°");
		assertThatThrownBy(() -> CatalogLoader.exercise(withPose(1, Map.of("tailWag", 10))))
			.isInstanceOf(CatalogException.class)
			.hasMessageContaining("unknown body angle");
		assertThatThrownBy(() -> CatalogLoader.exercise(withPose(3, Map.of("kneeFlexion", 10))))
			.isInstanceOf(CatalogException.class)
			.hasMessageContaining("expected a step between 1 and 2");
		assertThat(CatalogLoader.exercise(withPose(2, Map.of("rightKneeFlexion", 90))).illustration().keyframes())
			.singleElement()
			.satisfies((keyframe) -> assertThat(keyframe.angles())
				.containsExactlyEntriesOf(Map.of(BodyAngle.RIGHT_KNEE_FLEXION, 90)));
	}

	@Test
	void anExerciseWithoutKeyframesIsANeutralFigureInItsPosition() {
		Map<String, Object> document = withPose(1, Map.of());
		document.remove("illustration");
		Exercise exercise = CatalogLoader.exercise(document);
		assertThat(exercise.illustration().keyframes()).singleElement()
			.satisfies((keyframe) -> assertThat(keyframe.angles()).isEmpty());
		Figure lying = new Scene(exercise).keyFigure(0);
		assertThat(lying.at(BodyPoint.HEAD).y()).as("supine: the head rests on the floor").isLessThan(15);
		assertThat(IllustrationSvg.still(exercise, 0, "Lie down")).contains("role=\"img\"")
			.contains("<title>Lie down</title>");
	}

	@Test
	void kneeToChestLiesOnTheBackWithOneKneePulledInByBothHands() {
		Figure pose = last("single-knee-to-chest");
		assertThat(pose.at(BodyPoint.PELVIS).y()).isLessThan(15);
		assertThat(pose.at(BodyPoint.CHEST).y()).isLessThan(15);
		assertThat(pose.at(BodyPoint.LEFT_ANKLE).y()).as("the other leg stays long on the floor").isLessThan(10);
		assertThat(distance(pose.at(BodyPoint.RIGHT_KNEE), pose.at(BodyPoint.CHEST))).as("knee at the chest")
			.isLessThan(45);
		for (BodyPoint hand : List.of(BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND)) {
			assertThat(distanceToSegment(pose.at(hand), pose.at(BodyPoint.RIGHT_KNEE), pose.at(BodyPoint.RIGHT_ANKLE)))
				.as(hand + " holds the shin")
				.isLessThan(12);
		}
	}

	@Test
	void legsUpTheWallHasTheLegsVerticalAgainstAWall() {
		Figure pose = last("legs-up-the-wall");
		assertThat(pose.at(BodyPoint.CHEST).y()).as("lying on the back").isLessThan(15);
		for (BodyPoint[] leg : new BodyPoint[][] { { BodyPoint.LEFT_HIP, BodyPoint.LEFT_ANKLE },
				{ BodyPoint.RIGHT_HIP, BodyPoint.RIGHT_ANKLE } }) {
			Vec hip = pose.at(leg[0]), ankle = pose.at(leg[1]);
			assertThat(ankle.y() - hip.y()).as("leg points up").isGreaterThan(80);
			assertThat(Math.abs(ankle.x() - hip.x())).as("leg is vertical").isLessThan(8);
		}
		assertThat(catalog.exercise("legs-up-the-wall").orElseThrow().illustration().props())
			.anySatisfy((prop) -> assertThat(prop.kind()).isEqualTo(Prop.Kind.WALL));
		String svg = IllustrationSvg.still(catalog.exercise("legs-up-the-wall").orElseThrow(), 1, "Legs up");
		assertThat(svg).as("the wall is drawn").contains("fill=\"#e4e7eb\"");
	}

	@Test
	void catCowShowsTheDroppedAndTheRoundedBackOnAllFours() {
		Exercise catCow = catalog.exercise("cat-cow").orElseThrow();
		Map<Integer, Double> backHeight = new HashMap<>();
		Scene scene = new Scene(catCow);
		for (int i = 0; i < scene.keyframeCount(); i++) {
			Figure pose = scene.keyFigure(i);
			for (BodyPoint support : List.of(BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND, BodyPoint.LEFT_KNEE,
					BodyPoint.RIGHT_KNEE)) {
				assertThat(pose.at(support).y() - Figure.radius(support))
					.as("keyframe " + i + " " + support + " on the floor")
					.isLessThan(3);
			}
			Vec pelvis = pose.at(BodyPoint.PELVIS), chest = pose.at(BodyPoint.CHEST), mid = pose.at(BodyPoint.MID_BACK);
			backHeight.put(catCow.illustration().keyframes().get(i).step(), mid.y() - (pelvis.y() + chest.y()) / 2);
		}
		assertThat(backHeight.get(1)).as("tabletop: a flat back").isBetween(-2.0, 2.0);
		assertThat(backHeight.get(2)).as("cow: the belly sinks").isLessThan(-4);
		assertThat(backHeight.get(3)).as("cat: the back rounds up").isGreaterThan(4);
	}

	@Test
	void windshieldWipersLieOnTheBackAndSwayBothKneesToOneSideThenTheOther() {
		Scene scene = new Scene(catalog.exercise("windshield-wipers").orElseThrow());
		List<Double> kneesToTheRight = new ArrayList<>();
		for (int i = 0; i < scene.keyframeCount(); i++) {
			Figure pose = scene.keyFigure(i);
			for (BodyPoint flat : List.of(BodyPoint.PELVIS, BodyPoint.CHEST, BodyPoint.LEFT_SHOULDER,
					BodyPoint.RIGHT_SHOULDER, BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND)) {
				assertThat(pose.at(flat).y()).as("keyframe " + i + ": " + flat + " stays on the floor").isLessThan(18);
			}
			Vec right = unit(pose.at(BodyPoint.RIGHT_SHOULDER).minus(pose.at(BodyPoint.LEFT_SHOULDER)));
			double left = dot(pose.at(BodyPoint.LEFT_KNEE).minus(pose.at(BodyPoint.PELVIS)), right);
			double rightKnee = dot(pose.at(BodyPoint.RIGHT_KNEE).minus(pose.at(BodyPoint.PELVIS)), right);
			assertThat(Math.signum(left) == Math.signum(rightKnee) || i == 0)
				.as("keyframe " + i + ": both knees one way")
				.isTrue();
			kneesToTheRight.add((left + rightKnee) / 2);
		}
		Figure start = scene.keyFigure(0);
		assertThat(start.at(BodyPoint.LEFT_KNEE).y()).as("knees bent up").isGreaterThan(35);
		assertThat(Math.abs(kneesToTheRight.get(0))).as("knees start in the middle").isLessThan(12);
		assertThat(kneesToTheRight.get(1)).as("step 3: both knees toward the right").isGreaterThan(20);
		assertThat(kneesToTheRight.get(2)).as("then toward the left").isLessThan(-20);
	}

	@Test
	void hipCirclesStandWithHandsOnTheHipsAndCircleThePelvis() {
		Exercise hipCircles = catalog.exercise("hip-circles").orElseThrow();
		Scene scene = new Scene(hipCircles);
		List<Double> shift = new ArrayList<>();
		for (int i = 0; i < scene.keyframeCount(); i++) {
			Figure pose = scene.keyFigure(i);
			for (BodyPoint[] side : new BodyPoint[][] { { BodyPoint.LEFT_HAND, BodyPoint.LEFT_HIP },
					{ BodyPoint.RIGHT_HAND, BodyPoint.RIGHT_HIP } }) {
				assertThat(distance(pose.at(side[0]), pose.at(side[1])))
					.as("keyframe " + i + ": " + side[0] + " on the hip")
					.isLessThan(28);
			}
			for (BodyPoint ankle : List.of(BodyPoint.LEFT_ANKLE, BodyPoint.RIGHT_ANKLE)) {
				assertThat(pose.at(ankle).y())
					.as("keyframe " + i + ": " + ankle + " stays planted (a weight shift may lift a heel a little)")
					.isLessThan(scene.keyFigure(0).at(ankle).y() + 4);
			}
			double feet = (pose.at(BodyPoint.LEFT_ANKLE).z() + pose.at(BodyPoint.RIGHT_ANKLE).z()) / 2;
			shift.add(pose.at(BodyPoint.PELVIS).z() - feet);
		}
		assertThat(shift.get(1) * shift.get(2)).as("the hips swing to one side, then the other").isLessThan(-20);
		assertThat(hipCircles.illustration().props()).extracting(Prop::kind).contains(Prop.Kind.ORBIT);
		assertThat(IllustrationSvg.still(hipCircles, 0, "Hips")).as("the orbit is drawn").contains("stroke-dasharray");
	}

	@Test
	void cyclingSitsOnABikeWithTheFeetOnOppositePedals() {
		Exercise cycling = catalog.exercise("cycling").orElseThrow();
		Scene scene = new Scene(cycling);
		Figure first = scene.keyFigure(0), second = scene.keyFigure(1);
		double crank = distance(first.at(BodyPoint.LEFT_ANKLE), first.at(BodyPoint.RIGHT_ANKLE)) / 2;
		assertThat(crank).as("half a crank turn between the feet").isBetween(10.0, 25.0);
		assertThat(distance(second.at(BodyPoint.LEFT_ANKLE), second.at(BodyPoint.RIGHT_ANKLE)) / 2).isCloseTo(crank,
				org.assertj.core.data.Offset.offset(3.0));
		assertThat(first.at(BodyPoint.RIGHT_ANKLE).y() - first.at(BodyPoint.LEFT_ANKLE).y()).as("the feet swap places")
			.isPositive();
		assertThat(second.at(BodyPoint.LEFT_ANKLE).y() - second.at(BodyPoint.RIGHT_ANKLE).y()).isPositive();
		assertThat(cycling.illustration().props()).extracting(Prop::kind).contains(Prop.Kind.BIKE);
		assertThat(IllustrationSvg.still(cycling, 0, "Pedal")).as("the bike is drawn").contains("fill=\"#2b3137\"");
	}

	@Test
	void animationsLoopThroughEveryKeyframeAndStillsAreTitledPictures() {
		Exercise catCow = catalog.exercise("cat-cow").orElseThrow();
		String animated = IllustrationSvg.animated(catCow, "Cat & cow");
		assertThat(animated).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains("role=\"img\"")
			.contains("<title>Cat &amp; cow</title>")
			.contains("data-key-times=\"0,2.4,4.8\"")
			.contains("data-cycle=\"7.2\"")
			.contains("<animate attributeName=\"d\"")
			.doesNotContain("<script");
	}

	private static Figure last(String slug) {
		Exercise exercise = catalog.exercise(slug).orElseThrow();
		return new Scene(exercise).keyFigure(exercise.illustration().keyframes().size() - 1);
	}

	private static Vec unit(Vec v) {
		double length = Math.sqrt(dot(v, v));
		return new Vec(v.x() / length, v.y() / length, v.z() / length);
	}

	private static double dot(Vec a, Vec b) {
		return a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
	}

	private static double distance(Vec a, Vec b) {
		Vec d = a.minus(b);
		return Math.sqrt(d.x() * d.x() + d.y() * d.y() + d.z() * d.z());
	}

	private static double distanceToSegment(Vec p, Vec a, Vec b) {
		Vec ab = b.minus(a), ap = p.minus(a);
		double length = ab.x() * ab.x() + ab.y() * ab.y() + ab.z() * ab.z();
		double t = Math.max(0, Math.min(1, (ap.x() * ab.x() + ap.y() * ab.y() + ap.z() * ab.z()) / length));
		return distance(p, a.plus(ab.times(t)));
	}

	private static Map<String, Object> withPose(int step, Map<String, Object> pose) {
		Map<String, Object> document = new HashMap<>(Map.of("slug", "test-lie", "name", "Lie down", "category",
				"relaxation", "bodyAreas", List.of("lower-back"), "position", "supine", "equipment", List.of("none"),
				"deskFriendly", false, "steps", List.of("Lie down.", "Bend a knee."), "muscles", List.of("none"),
				"cautions", List.of("Stop right away if you feel sharp pain.")));
		document.put("sources", List.of("test"));
		document.put("dosage", Map.of("holdSeconds", Map.of("min", 5, "max", 5), "reps", Map.of("min", 1, "max", 1),
				"sets", Map.of("min", 1, "max", 1), "perSide", false));
		document.put("illustration", Map.of("keyframes", List.of(Map.of("step", step, "pose", pose))));
		return document;
	}

}
