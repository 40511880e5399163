package dev.limber.notifications.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail on the port the application sends to; it can go away and come back like a
 * real server.
 */
public final class MailServer {

	private final int port;

	private GreenMail server;

	public MailServer(int port) {
		this.port = port;
	}

	public void start() {
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	public void stop() {
		if (this.server != null) {
			this.server.stop();
			this.server = null;
		}
	}

	/** Everything received for {@code address} since the server started. */
	public List<MimeMessage> to(String address) {
		return Arrays.stream(this.server.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The decoded text of the first part of {@code type}. */
	public static String part(Part part, String type) throws MessagingException, IOException {
		List<String> found = new ArrayList<>();
		collect(part, type, found);
		if (found.isEmpty()) {
			throw new AssertionError("no " + type + " part");
		}
		return found.get(0);
	}

	private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			found.add(String.valueOf(part.getContent()));
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), type, found);
			}
		}
	}

}
