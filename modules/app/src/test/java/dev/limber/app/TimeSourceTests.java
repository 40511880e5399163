package dev.limber.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Main code asks for "now" only through the application's {@link Clock} bean, so tests
 * can move time (a period closes, a grace period ends, a streak crosses midnight) without
 * waiting or backdating rows. Only the bean's own definition reads the system clock.
 */
class TimeSourceTests {

	static final Set<String> TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
			"java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
			"java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

	static final String CLOCK_BEAN = "dev.limber.app.time.ClockConfiguration";

	@Test
	void mainCodeReadsTimeOnlyThroughTheClockBean() {
		rule().check(ModuleBoundaryTests.CLASSES);
	}

	@Test
	void theRuleCatchesEveryWayOfReadingTheSystemClock() {
		for (Class<?> offender : new Class<?>[] { ReadsSystemTime.class, ReadsSystemMillis.class,
				ReadsSystemClock.class }) {
			assertThatThrownBy(() -> rule().check(new ClassFileImporter().importClasses(offender)))
				.isInstanceOf(AssertionError.class);
		}
		rule().check(new ClassFileImporter().importClasses(UsesTheClock.class));
	}

	static ArchRule rule() {
		return noClasses().that()
			.doNotHaveFullyQualifiedName(CLOCK_BEAN)
			.should(readTheSystemClock())
			.because("time comes from the injected java.time.Clock bean (dev.limber.app.time.ClockConfiguration)");
	}

	private static ArchCondition<JavaClass> readTheSystemClock() {
		return ArchConditions.callMethodWhere(
				DescribedPredicate.describe("it reads the system clock", TimeSourceTests::readsSystemClock));
	}

	private static boolean readsSystemClock(JavaMethodCall call) {
		String owner = call.getTargetOwner().getFullName();
		String name = call.getName();
		if (TIME_TYPES.contains(owner) && name.equals("now")) {
			return call.getTarget()
				.getRawParameterTypes()
				.stream()
				.noneMatch((type) -> type.isAssignableTo(Clock.class));
		}
		if (owner.equals("java.lang.System")) {
			return name.equals("currentTimeMillis");
		}
		return owner.equals("java.time.Clock") && name.startsWith("system");
	}

	static class ReadsSystemTime {

		Instant now() {
			return Instant.now();
		}

	}

	static class ReadsSystemMillis {

		long now() {
			return System.currentTimeMillis();
		}

	}

	static class ReadsSystemClock {

		Clock clock = Clock.systemUTC();

	}

	static class UsesTheClock {

		Instant now(Clock clock) {
			return Instant.now(clock);
		}

	}

}
