package dev.limber.notifications.email;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an email's HTML and plain-text parts from
 * {@code templates/mail/<name>.html|.txt}, with the application's messages in the
 * recipient's language. A separate engine from the pages', since mail is rendered outside
 * any request.
 */
@Component
class MailTemplates {

	private final TemplateEngine html;

	private final TemplateEngine text;

	private final MessageSource messages;

	MailTemplates(MessageSource messages) {
		this.messages = messages;
		this.html = engine(TemplateMode.HTML, ".html", messages);
		this.text = engine(TemplateMode.TEXT, ".txt", messages);
	}

	Rendered render(String template, Locale locale, Map<String, Object> variables) {
		Context context = new Context(locale, variables);
		String subject = this.messages.getMessage("mail." + template + ".subject", null, locale);
		return new Rendered(subject, this.html.process(template, context), this.text.process(template, context));
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	record Rendered(String subject, String html, String text) {
	}

}
