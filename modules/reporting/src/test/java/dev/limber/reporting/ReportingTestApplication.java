package dev.limber.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestComponent;

/**
 * The reporting module with what it needs, for its integration tests: the kernel, the
 * organizations module (members, groups, settings) and the programs module (the
 * participation outbox it reads). The kernel test-jar's {@code ModuleIntegrationTest}
 * supplies the database and the clock. A test component, so that no other test context's
 * scan picks it up (the application's tests see module test classes when a reactor build
 * stops before packaging).
 */
@TestComponent
@SpringBootApplication(scanBasePackages = { "dev.limber.kernel", "dev.limber.organizations", "dev.limber.programs",
		"dev.limber.reporting" })
@ConfigurationPropertiesScan({ "dev.limber.kernel", "dev.limber.organizations", "dev.limber.programs",
		"dev.limber.reporting" })
class ReportingTestApplication {

}
