package dev.limber.notifications;

import java.util.Set;

import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

import dev.limber.kernel.language.IcuMessageSource;

/**
 * The notifications module with what it needs, for its integration tests: the kernel, the
 * organizations module (members, settings, sign-in), the programs module (activities,
 * break schedules) and the challenges module (standings and bulletins it announces). The
 * kernel test-jar's {@code ModuleIntegrationTest} supplies the database and the clock. A
 * test component, so that no other test context's scan picks it up (the application's
 * tests see module test classes when a reactor build stops before packaging).
 */
@TestComponent
@SpringBootApplication(scanBasePackages = { "dev.limber.kernel", "dev.limber.organizations", "dev.limber.programs",
		"dev.limber.challenges", "dev.limber.notifications" })
@ConfigurationPropertiesScan({ "dev.limber.kernel", "dev.limber.organizations", "dev.limber.programs",
		"dev.limber.challenges", "dev.limber.notifications" })
class NotificationsTestApplication {

	/** The module's own bundle, formatted with ICU as the application formats it. */
	@Bean
	MessageSource messageSource() {
		IcuMessageSource messages = new IcuMessageSource();
		messages.setBasenames("notifications");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/**
	 * The app module's page layout, which the module's pages name, as a bare frame (in
	 * test-templates/, where no other context looks): the unsubscribe link's page renders
	 * here; the app's page tests render the pages in the real layout.
	 */
	@Bean
	ITemplateResolver layoutOfTheApp() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("test-templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(Set.of("layout"));
		resolver.setCheckExistence(true);
		resolver.setOrder(0);
		return resolver;
	}

}
