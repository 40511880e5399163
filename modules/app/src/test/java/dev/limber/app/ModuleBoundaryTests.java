package dev.limber.app;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import dev.limber.organizations.CurrentMember;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A feature module may use another only through that module's published API: the classes
 * in its root package. Sub-packages are internals. The kernel is shared by all and
 * depends on none. The modules are read from the code (every direct sub-package of
 * {@code dev.limber}), so a new module is covered without editing this test.
 */
class ModuleBoundaryTests {

	static final String ROOT = "dev.limber";

	static final String KERNEL = "kernel";

	/** The composition root: it may use every module's API, and no module may use it. */
	static final String APP = "app";

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the modules' test-jars (test support shared with the app's tests) are tests too
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages(ROOT);

	/**
	 * Every feature module: the direct sub-packages of dev.limber other than the kernel
	 * and app.
	 */
	static final List<String> MODULES = modulesOf(CLASSES);

	@Test
	void theModulesAreReadFromTheCode() {
		assertThat(MODULES).contains("organizations", "programs", "challenges", "reporting")
			.doesNotContain(KERNEL, APP);
	}

	@Test
	void modulesUseEachOtherOnlyThroughTheirApiPackage() {
		for (String module : MODULES) {
			for (String other : MODULES) {
				if (!module.equals(other)) {
					rule(module, other).check(CLASSES);
				}
			}
		}
	}

	@Test
	void noModuleDependsOnTheApp() {
		for (String module : MODULES) {
			noClasses().that()
				.resideInAPackage(ROOT + "." + module + "..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage(ROOT + "." + APP + "..")
				.check(CLASSES);
		}
	}

	@Test
	void kernelDependsOnNoModule() {
		kernelRule().check(CLASSES);
	}

	/**
	 * A module's own tests keep the same boundaries as its code: they reach other modules
	 * through their API, or the test support another module publishes in its test-jar
	 * (its {@code testing} package), and never into the app; the kernel's test support
	 * knows no module. The tests are read from each module's build output, which the
	 * reactor builds before the app.
	 */
	@Test
	void testsOfTheModulesKeepTheBoundariesToo() {
		JavaClasses tests = new ClassFileImporter()
			.importPaths(java.util.stream.Stream.concat(MODULES.stream(), java.util.stream.Stream.of(KERNEL))
				.map((module) -> java.nio.file.Path.of("..", module, "target", "test-classes"))
				.filter(java.nio.file.Files::isDirectory)
				.toList());
		assertThat(modulesOf(tests)).as("every module has tests of its own").containsExactlyElementsOf(MODULES);
		for (String module : MODULES) {
			for (String other : MODULES) {
				if (!module.equals(other)) {
					noClasses().that()
						.resideInAPackage(ROOT + "." + module + "..")
						.should()
						.dependOnClassesThat(internalOf(other).and(DescribedPredicate.not(testSupportOf(other))))
						.allowEmptyShould(true)
						.check(tests);
				}
			}
			noClasses().that()
				.resideInAPackage(ROOT + "." + module + "..")
				.should()
				.dependOnClassesThat()
				.resideInAPackage(ROOT + "." + APP + "..")
				.allowEmptyShould(true)
				.check(tests);
		}
		kernelRule().check(tests);
	}

	/**
	 * Controllers translate HTTP to calls of their feature's service and back: data
	 * access and transactions belong to the service, where the API and the pages share
	 * them.
	 */
	@Test
	void controllersAreThin() {
		thinControllers().check(CLASSES);
	}

	/** A handler takes the signed-in member as an argument instead of looking it up. */
	@Test
	void controllersTakeTheMemberAsAnArgument() {
		memberAsArgument().check(CLASSES);
	}

	@Test
	void theMemberRuleCatchesAControllerLookingTheMemberUp() {
		JavaClasses offender = new ClassFileImporter().importClasses(ControllerLookingUpTheMember.class);
		assertThatThrownBy(() -> memberAsArgument().check(offender)).isInstanceOf(AssertionError.class);
	}

	@Test
	void theBoundaryRuleCatchesAViolation() {
		JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoInternals.class,
				dev.limber.organizations.directory.OrganizationStore.class);
		ArchRule rule = noClasses().that()
			.haveSimpleName("ReachesIntoInternals")
			.should()
			.dependOnClassesThat(internalOf("organizations"));
		assertThatThrownBy(() -> rule.check(offender)).isInstanceOf(AssertionError.class);
	}

	@Test
	void theThinControllerRuleCatchesAControllerWithDataAccess() {
		JavaClasses offender = new ClassFileImporter().importClasses(ControllerWithTransactions.class);
		assertThatThrownBy(() -> thinControllers().check(offender)).isInstanceOf(AssertionError.class);
	}

	private static ArchRule kernelRule() {
		String[] others = java.util.stream.Stream.concat(MODULES.stream(), java.util.stream.Stream.of(APP))
			.map((module) -> ROOT + "." + module + "..")
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage(ROOT + "." + KERNEL + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others);
	}

	static ArchRule thinControllers() {
		return noClasses().that()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat(dataAccess())
			.because("controllers call their feature's service, which owns data access and transactions");
	}

	static ArchRule memberAsArgument() {
		return noClasses().that()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.callMethod(CurrentMember.class, "current")
			.because("a handler declares a CurrentMember parameter, which the organizations module resolves");
	}

	private static DescribedPredicate<JavaClass> dataAccess() {
		return DescribedPredicate.describe("stores, repositories, DatabaseClient or transactions",
				(javaClass) -> javaClass.getSimpleName().endsWith("Store")
						|| javaClass.getSimpleName().endsWith("Repository")
						|| javaClass.isAnnotatedWith(Repository.class)
						|| javaClass.isAssignableTo("org.springframework.r2dbc.core.DatabaseClient")
						|| javaClass.isAssignableTo("org.springframework.transaction.reactive.TransactionalOperator")
						|| javaClass.isAssignableTo("org.springframework.data.r2dbc.core.R2dbcEntityTemplate"));
	}

	private static ArchRule rule(String module, String other) {
		return noClasses().that()
			.resideInAPackage(ROOT + "." + module + "..")
			.should()
			.dependOnClassesThat(internalOf(other))
			.because(module + " may use " + other + " only through " + ROOT + "." + other);
	}

	private static DescribedPredicate<JavaClass> internalOf(String module) {
		String root = ROOT + "." + module;
		return DescribedPredicate.describe("internals of " + module,
				(javaClass) -> javaClass.getPackageName().startsWith(root + "."));
	}

	private static DescribedPredicate<JavaClass> testSupportOf(String module) {
		String testing = ROOT + "." + module + ".testing";
		return DescribedPredicate.describe("test support of " + module,
				(javaClass) -> javaClass.getPackageName().equals(testing));
	}

	private static List<String> modulesOf(JavaClasses classes) {
		return classes.stream()
			.map(JavaClass::getPackageName)
			.filter((name) -> name.startsWith(ROOT + "."))
			.map((name) -> name.substring(ROOT.length() + 1).split("\\.")[0])
			.filter((module) -> !module.equals(KERNEL) && !module.equals(APP))
			.distinct()
			.sorted()
			.toList();
	}

	static class ReachesIntoInternals {

		dev.limber.organizations.directory.OrganizationStore store;

	}

	@org.springframework.web.bind.annotation.RestController
	static class ControllerLookingUpTheMember {

		reactor.core.publisher.Mono<String> name() {
			return CurrentMember.current().map(CurrentMember::displayName);
		}

	}

	@org.springframework.web.bind.annotation.RestController
	static class ControllerWithTransactions {

		org.springframework.transaction.reactive.TransactionalOperator transactions;

	}

}
