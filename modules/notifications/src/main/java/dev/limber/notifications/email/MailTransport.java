package dev.limber.notifications.email;

import reactor.core.publisher.Mono;

/** Hands a finished email to whatever delivers it. */
interface MailTransport {

	Mono<Void> send(OutgoingMail mail);

}
