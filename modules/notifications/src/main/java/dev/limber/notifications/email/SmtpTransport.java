package dev.limber.notifications.email;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends over SMTP with Spring's mail support (spring.mail.*); JavaMail blocks, so off the
 * event loop.
 */
@Component
@ConditionalOnProperty(name = "limber.notifications.email.transport", havingValue = "smtp", matchIfMissing = true)
class SmtpTransport implements MailTransport {

	private final org.springframework.beans.factory.ObjectProvider<JavaMailSender> sender;

	SmtpTransport(org.springframework.beans.factory.ObjectProvider<JavaMailSender> sender) {
		this.sender = sender;
	}

	@Override
	public Mono<Void> send(OutgoingMail mail) {
		return Mono.fromRunnable(() -> {
			JavaMailSender mailSender = this.sender.getIfAvailable();
			if (mailSender == null) {
				throw new IllegalStateException("No SMTP server configured (spring.mail.host)");
			}
			mailSender.send(mime(mail));
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	static MimeMessage mime(OutgoingMail mail) {
		try {
			MimeMessage message = new IdentifiedMimeMessage(Session.getInstance(new Properties()),
					mail.messageId() + "@limber");
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(mail.from());
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			for (Map.Entry<String, String> header : mail.headers().entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalArgumentException("Could not build the email", ex);
		}
	}

	/**
	 * Keeps our Message-ID when JavaMail saves the message (it would make up its own).
	 */
	private static final class IdentifiedMimeMessage extends MimeMessage {

		private final String id;

		IdentifiedMimeMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.id + ">");
		}

	}

}
