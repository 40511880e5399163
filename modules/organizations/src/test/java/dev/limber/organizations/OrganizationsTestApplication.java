package dev.limber.organizations;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestComponent;

/**
 * The organizations module on its own, for its integration tests: the kernel and this
 * module, nothing else. The kernel test-jar's {@code ModuleIntegrationTest} supplies the
 * database and the clock. A test component, so that no other test context's scan picks it
 * up (the application's tests see module test classes when a reactor build stops before
 * packaging).
 */
@TestComponent
@SpringBootApplication(scanBasePackages = { "dev.limber.kernel", "dev.limber.organizations" })
@ConfigurationPropertiesScan({ "dev.limber.kernel", "dev.limber.organizations" })
class OrganizationsTestApplication {

}
