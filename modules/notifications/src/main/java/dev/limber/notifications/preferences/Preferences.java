package dev.limber.notifications.preferences;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;
import dev.limber.notifications.outbox.NotificationProperties;
import dev.limber.organizations.CurrentMember;

/**
 * Members' notification choices and the switches above them: a channel reaches a member
 * only when the operator and the organization have it on and the member turned the topic
 * on.
 */
@Service
public class Preferences {

	private final PreferenceStore store;

	private final TransactionalOperator transactions;

	private final NotificationProperties.Channels platform;

	Preferences(PreferenceStore store, TransactionalOperator transactions, NotificationProperties properties) {
		this.store = store;
		this.transactions = transactions;
		this.platform = properties.channels();
	}

	public Mono<Choices> of(CurrentMember member, Locale fallback) {
		return recipient(member.memberId()).map(Recipient::choices)
			.defaultIfEmpty(Choices.none(language(fallback)))
			.as(this.transactions::transactional);
	}

	/**
	 * Saves the choices with the member's address and zone as the portal knows them now.
	 */
	public Mono<Choices> save(CurrentMember member, Choices choices) {
		return this.store.save(member.tenant(), member.memberId(), choices, member.email(), member.zone().getId())
			.thenReturn(choices)
			.as(this.transactions::transactional);
	}

	/**
	 * The member's reach and choices, in the caller's tenant context; empty if they never
	 * chose.
	 */
	public Mono<Recipient> recipient(UUID member) {
		// one query after the other: they share the transaction's connection
		return this.store.reach(member).zipWhen((reach) -> this.store.enabled(member)).map((both) -> {
			PreferenceStore.Reach reach = both.getT1();
			return new Recipient(member, reach.email(), Locale.forLanguageTag(reach.language()),
					ZoneId.of(reach.zone()),
					new Choices(both.getT2(), reach.quietStart(), reach.quietEnd(), reach.language()));
		});
	}

	/** Turns one topic off for one channel, as an unsubscribe link asks. */
	public Mono<Void> unsubscribe(TenantId tenant, UUID member, Channel channel, Topic topic) {
		return this.store.turnOff(member, channel, topic)
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

	/**
	 * Members of the current tenant who want {@code topic} by {@code channel} (caller's
	 * transaction).
	 */
	public Flux<UUID> subscribers(Channel channel, Topic topic) {
		return this.store.subscribers(channel, topic);
	}

	/**
	 * Channels on for the platform and for the current organization (caller's
	 * transaction).
	 */
	public Mono<Set<Channel>> available() {
		return this.store.organizationOff()
			.map((off) -> Set.copyOf(java.util.Arrays.stream(Channel.values())
				.filter((channel) -> this.platform.enabled(channel) && !off.contains(channel))
				.toList()));
	}

	/** {@link #available()} in a transaction of its own, for requests. */
	public Mono<Set<Channel>> availableNow() {
		return available().as(this.transactions::transactional);
	}

	public boolean platformEnabled(Channel channel) {
		return this.platform.enabled(channel);
	}

	/** The organization's switch per channel (on unless turned off). */
	public Mono<Map<Channel, Boolean>> organizationChannels() {
		return this.store.organizationOff().map((off) -> {
			Map<Channel, Boolean> switches = new EnumMap<>(Channel.class);
			for (Channel channel : Channel.values()) {
				switches.put(channel, !off.contains(channel));
			}
			return switches;
		}).as(this.transactions::transactional);
	}

	public Mono<Map<Channel, Boolean>> setOrganizationChannels(TenantId tenant, Map<Channel, Boolean> switches) {
		List<Channel> on = switches.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		List<Channel> off = switches.entrySet().stream().filter((e) -> !e.getValue()).map(Map.Entry::getKey).toList();
		return this.store.setOrganizationChannels(tenant, on, off)
			.as(this.transactions::transactional)
			.then(organizationChannels());
	}

	static String language(Locale locale) {
		return (locale != null && "de".equals(locale.getLanguage())) ? "de" : "en";
	}

}
