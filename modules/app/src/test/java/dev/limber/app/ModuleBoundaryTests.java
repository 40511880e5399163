package dev.limber.app;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A feature module may use another only through that module's published API: the classes
 * in its root package. Sub-packages are internals. The kernel is shared by all.
 */
class ModuleBoundaryTests {

	static final List<String> MODULES = List.of("organizations", "programs", "challenges", "reporting");

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.limber");

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
	void kernelDependsOnNoModule() {
		noClasses().that()
			.resideInAPackage("dev.limber.kernel..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.limber.organizations..", "dev.limber.programs..", "dev.limber.reporting..",
					"dev.limber.app..")
			.check(CLASSES);
	}

	@Test
	void theBoundaryRuleCatchesAViolation() {
		JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoInternals.class,
				dev.limber.organizations.directory.OrganizationRepository.class);
		ArchRule rule = noClasses().that()
			.haveSimpleName("ReachesIntoInternals")
			.should()
			.dependOnClassesThat(internalOf("organizations"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.check(offender)).isInstanceOf(AssertionError.class);
	}

	private static ArchRule rule(String module, String other) {
		return noClasses().that()
			.resideInAPackage("dev.limber." + module + "..")
			.should()
			.dependOnClassesThat(internalOf(other))
			.because(module + " may use " + other + " only through dev.limber." + other);
	}

	private static DescribedPredicate<JavaClass> internalOf(String module) {
		String root = "dev.limber." + module;
		return DescribedPredicate.describe("internals of " + module,
				(javaClass) -> javaClass.getPackageName().startsWith(root + "."));
	}

	static class ReachesIntoInternals {

		dev.limber.organizations.directory.OrganizationRepository repository;

	}

}
