package dev.limber.notifications.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.limber.notifications.Channel;

/**
 * Notification settings (docs/operations.md). Every channel is off until the operator
 * turns it on: a platform without a mail server or VAPID keys sends nothing rather than
 * failing.
 *
 * @param allowLocalReceivers tests only: push endpoints and webhooks may be on a loopback
 * address, over http or https on any port (the outbound client must allow loopback too)
 * @param webhookKey AES key (base64, 32 bytes) that seals webhook URLs; empty: one made
 * at first start and kept in the database
 */
@ConfigurationProperties("limber.notifications")
public record NotificationProperties(@DefaultValue Worker worker, @DefaultValue Channels channels,
		@DefaultValue Email email, @DefaultValue Push push, @DefaultValue("false") boolean allowLocalReceivers,
		@DefaultValue("") String webhookKey) {

	/**
	 * @param batch messages one tenant's claim takes at most
	 * @param lease how long a claimed message belongs to the worker that claimed it
	 * @param backoff the wait before the first retry; it doubles with every attempt
	 * @param maxAttempts after this many attempts a message fails for good
	 */
	public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
			@DefaultValue("50") int batch, @DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration backoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("8") int maxAttempts) {
	}

	/** The operator's switch per channel, for the whole platform. */
	public record Channels(@DefaultValue("false") boolean email, @DefaultValue("false") boolean push,
			@DefaultValue("false") boolean slack, @DefaultValue("false") boolean teams) {

		public boolean enabled(Channel channel) {
			return switch (channel) {
				case EMAIL -> this.email;
				case PUSH -> this.push;
				case SLACK -> this.slack;
				case TEAMS -> this.teams;
			};
		}

	}

	/**
	 * @param transport {@code smtp} (spring.mail.*) or {@code keep}: mail is kept for the
	 * development outbox page and not sent
	 */
	public record Email(@DefaultValue("smtp") String transport,
			@DefaultValue("Limber <no-reply@limber.invalid>") String from) {
	}

	/**
	 * @param subject the VAPID contact (mailto: or https:)
	 * @param publicKey the VAPID public key (uncompressed, base64url); empty: made at
	 * first start
	 * @param privateKey the VAPID private key (base64url); empty: made at first start
	 * @param breakReminderInterval how often the worker looks for breaks that have begun:
	 * a reminder arrives at most this late
	 */
	public record Push(@DefaultValue("mailto:operations@limber.invalid") String subject,
			@DefaultValue("") String publicKey, @DefaultValue("") String privateKey,
			@DefaultValue("30s") Duration breakReminderInterval) {
	}

}
