package dev.limber.notifications.chat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.ChallengeBulletins;
import dev.limber.kernel.problem.ApiException;
import dev.limber.notifications.Channel;
import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.organizations.CurrentMember;
import dev.limber.organizations.Role;

/**
 * Team chat webhooks: who may connect them (org admins anything, team leads a challenge),
 * which URLs are accepted, and the URL sealed at once and never shown again, only its
 * hint.
 */
@Service
class Webhooks {

	/**
	 * The languages posts are written in (notifications.properties and its German twin).
	 */
	private static final Set<String> LANGUAGES = Set.of("en", "de");

	private final WebhookStore store;

	private final WebhookSeal seal;

	private final ChallengeBulletins challenges;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final boolean allowLocal;

	Webhooks(WebhookStore store, WebhookSeal seal, ChallengeBulletins challenges, TransactionalOperator transactions,
			Clock clock, NotificationProperties properties) {
		this.store = store;
		this.seal = seal;
		this.challenges = challenges;
		this.transactions = transactions;
		this.clock = clock;
		this.allowLocal = properties.allowLocalReceivers();
	}

	Mono<List<WebhookController.View>> list(CurrentMember member) {
		if (!member.hasRole(Role.ORG_ADMIN) && !member.hasRole(Role.TEAM_LEAD)) {
			return Mono.error(ApiException.forbidden("Only organization admins and team leads see team chats."));
		}
		return this.store.all().map(WebhookController.View::of).collectList().as(this.transactions::transactional);
	}

	Mono<WebhookController.View> connect(CurrentMember member, WebhookController.Request request, Locale reader) {
		Channel channel = Channel.of(request.channel()).filter((each) -> !each.personal()).orElse(null);
		if (channel == null) {
			return Mono.error(ApiException.badRequest("channel must be slack or teams."));
		}
		URI url = WebhookAddresses.check(channel, request.url(), this.allowLocal);
		if (url == null) {
			return Mono.error(ApiException.badRequest(WebhookAddresses.rule(channel)));
		}
		Locale language = language(request.language(), reader);
		if (language == null) {
			return Mono.error(ApiException.badRequest("language must be en or de."));
		}
		return organizer(member, request.challengeId())
			.flatMap((organizer) -> knownChallenge(request.challengeId()).then(this.seal.seal(request.url()))
				.flatMap((sealed) -> this.store.insert(organizer.tenant(),
						new WebhookStore.Webhook(UUID.randomUUID(), channel, request.challengeId(), sealed,
								WebhookAddresses.hint(url),
								(request.dailyAt() != null) ? request.dailyAt() : LocalTime.of(17, 0),
								organizer.memberId(), this.clock.instant(), language))))
			.as(this.transactions::transactional)
			.map(WebhookController.View::of);
	}

	Mono<Void> disconnect(CurrentMember member, UUID id) {
		return this.store.find(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Webhook")))
			.flatMap((webhook) -> organizer(member, webhook.challenge()).then(this.store.delete(id)))
			.as(this.transactions::transactional)
			.then();
	}

	/**
	 * The language asked for, else the reader's if Limber speaks it, else English; null
	 * if not spoken.
	 */
	private static Locale language(String asked, Locale reader) {
		if (asked != null) {
			return LANGUAGES.contains(asked) ? Locale.forLanguageTag(asked) : null;
		}
		return (reader != null && LANGUAGES.contains(reader.getLanguage()))
				? Locale.forLanguageTag(reader.getLanguage()) : Locale.ENGLISH;
	}

	/** Org admins for anything, team leads for a challenge's webhook only. */
	private static Mono<CurrentMember> organizer(CurrentMember member, UUID challenge) {
		if (member.hasRole(Role.ORG_ADMIN) || (member.hasRole(Role.TEAM_LEAD) && challenge != null)) {
			return Mono.just(member);
		}
		return Mono.error(ApiException
			.forbidden("Only organization admins, and team leads for a challenge, connect team chats."));
	}

	private Mono<Void> knownChallenge(UUID challenge) {
		if (challenge == null) {
			return Mono.empty();
		}
		return this.challenges.published(Instant.EPOCH)
			.filter((summary) -> summary.id().equals(challenge))
			.next()
			.switchIfEmpty(
					Mono.error(() -> ApiException.unprocessable("challengeId: no published challenge has this id.")))
			.then();
	}

}
