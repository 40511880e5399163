package dev.limber.programs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestComponent;

/**
 * The programs module with what it needs, for its integration tests: the kernel, and the
 * organizations module for members, sign-in and onboarding. The kernel test-jar's
 * {@code ModuleIntegrationTest} supplies the database and the clock. A test component, so
 * that no other test context's scan picks it up (the application's tests see module test
 * classes when a reactor build stops before packaging).
 */
@TestComponent
@SpringBootApplication(scanBasePackages = { "dev.limber.kernel", "dev.limber.organizations", "dev.limber.programs" })
@ConfigurationPropertiesScan({ "dev.limber.kernel", "dev.limber.organizations", "dev.limber.programs" })
class ProgramsTestApplication {

}
