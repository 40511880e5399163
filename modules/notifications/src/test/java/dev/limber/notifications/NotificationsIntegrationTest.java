package dev.limber.notifications;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.limber.kernel.testing.FreePorts;
import dev.limber.kernel.testing.ModuleIntegrationTest;
import dev.limber.notifications.testing.TestCertificates;

/**
 * A notifications test: the module's integration test with every channel on, sending to
 * receivers of the test's own on loopback (an SMTP server on {@link #MAIL_PORT}, HTTP
 * push services, HTTPS chat webhooks with a certificate of the test run's CA). Every test
 * class extends this one, so they all share one context.
 */
@TestPropertySource(properties = {
		// tests send notifications themselves (OutboxWorker.drain) and retry at once
		"limber.notifications.worker.backoff=1ms", "limber.notifications.channels.email=true",
		"limber.notifications.channels.push=true", "limber.notifications.channels.slack=true",
		"limber.notifications.channels.teams=true", "limber.notifications.allow-local-receivers=true",
		"spring.mail.host=127.0.0.1" })
public abstract class NotificationsIntegrationTest extends ModuleIntegrationTest {

	/** Where tests' in-JVM SMTP server listens (chosen before the application starts). */
	protected static final int MAIL_PORT = FreePorts.any();

	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> MAIL_PORT);
		// the test run's own CA, trusted as an operator's company CA would be
		registry.add("limber.security.outbound-trust-bundle", TestCertificates::bundle);
	}

}
