package dev.limber.notifications.email;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dev.limber.kernel.tenant.TenantId;

/**
 * Development: keeps the last mail in memory instead of sending it, for the outbox page,
 * so {@code make run} needs no mail server.
 */
@Component
@ConditionalOnProperty(name = "limber.notifications.email.transport", havingValue = "keep")
class KeptMail implements MailTransport {

	static final int KEPT = 200;

	private final Deque<OutgoingMail> kept = new ArrayDeque<>();

	@Override
	public Mono<Void> send(OutgoingMail mail) {
		return Mono.fromRunnable(() -> {
			synchronized (this.kept) {
				this.kept.addFirst(mail);
				while (this.kept.size() > KEPT) {
					this.kept.removeLast();
				}
			}
		});
	}

	/** Mail to {@code address} in {@code tenant}, newest first. */
	List<OutgoingMail> to(TenantId tenant, String address) {
		synchronized (this.kept) {
			return this.kept.stream()
				.filter((mail) -> mail.tenant().equals(tenant) && mail.to().equalsIgnoreCase(address))
				.toList();
		}
	}

}
