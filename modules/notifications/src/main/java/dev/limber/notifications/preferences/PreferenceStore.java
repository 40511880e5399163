package dev.limber.notifications.preferences;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;
import dev.limber.notifications.Channel;

/**
 * Members' choices, where to reach them, and the organization's channel switches (current
 * tenant).
 */
@Repository
class PreferenceStore {

	private final DatabaseClient database;

	PreferenceStore(DatabaseClient database) {
		this.database = database;
	}

	Mono<Reach> reach(UUID member) {
		return this.database.sql("""
				select email, language, time_zone, quiet_start, quiet_end
				from notifications.recipient where member_id = :member""")
			.bind("member", member)
			.map((row, metadata) -> new Reach(row.get("email", String.class), row.get("language", String.class),
					row.get("time_zone", String.class), row.get("quiet_start", LocalTime.class),
					row.get("quiet_end", LocalTime.class)))
			.one();
	}

	Mono<Set<Choices.Choice>> enabled(UUID member) {
		return this.database
			.sql("select channel, kind from notifications.preference where member_id = :member and enabled")
			.bind("member", member)
			.map((row, metadata) -> new Choices.Choice(Channel.of(row.get("channel", String.class)).orElseThrow(),
					Topic.of(row.get("kind", String.class)).orElseThrow()))
			.all()
			.collect(HashSet::new, Set::add);
	}

	/** Replaces the member's choices and where to reach them. */
	Mono<Void> save(TenantId tenant, UUID member, Choices choices, String email, String zone) {
		Mono<Void> reach = this.database
			.sql("""
					insert into notifications.recipient (tenant_id, member_id, email, language, time_zone, quiet_start, quiet_end)
					values (:tenant, :member, :email, :language, :zone, :quietStart, :quietEnd)
					on conflict (tenant_id, member_id) do update set email = excluded.email, language = excluded.language,
					    time_zone = excluded.time_zone, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end""")
			.bind("tenant", tenant.value())
			.bind("member", member)
			.bind("email", org.springframework.r2dbc.core.Parameter.fromOrEmpty(email, String.class))
			.bind("language", choices.language())
			.bind("zone", zone)
			.bind("quietStart",
					org.springframework.r2dbc.core.Parameter.fromOrEmpty(choices.quietStart(), LocalTime.class))
			.bind("quietEnd", org.springframework.r2dbc.core.Parameter.fromOrEmpty(choices.quietEnd(), LocalTime.class))
			.then();
		Mono<Void> clear = this.database.sql("delete from notifications.preference where member_id = :member")
			.bind("member", member)
			.then();
		Mono<Void> insert = Flux.fromIterable(choices.enabled())
			.concatMap((choice) -> this.database.sql("""
					insert into notifications.preference (tenant_id, member_id, channel, kind, enabled)
					values (:tenant, :member, :channel, :kind, true)""")
				.bind("tenant", tenant.value())
				.bind("member", member)
				.bind("channel", choice.channel().key())
				.bind("kind", choice.topic().key())
				.then())
			.then();
		return reach.then(clear).then(insert);
	}

	/** Turns one choice off (an unsubscribe link). */
	Mono<Void> turnOff(UUID member, Channel channel, Topic topic) {
		return this.database.sql("""
				update notifications.preference set enabled = false
				where member_id = :member and channel = :channel and kind = :kind""")
			.bind("member", member)
			.bind("channel", channel.key())
			.bind("kind", topic.key())
			.then();
	}

	/** Members of the current tenant who turned {@code topic} on for {@code channel}. */
	Flux<UUID> subscribers(Channel channel, Topic topic) {
		return this.database.sql("""
				select member_id from notifications.preference
				where channel = :channel and kind = :kind and enabled order by member_id""")
			.bind("channel", channel.key())
			.bind("kind", topic.key())
			.map((row, metadata) -> row.get("member_id", UUID.class))
			.all();
	}

	Mono<Set<Channel>> organizationOff() {
		return this.database.sql("select channel from notifications.organization_channel where not enabled")
			.map((row, metadata) -> Channel.of(row.get("channel", String.class)).orElseThrow())
			.all()
			.collect(HashSet::new, Set::add);
	}

	Mono<Void> setOrganizationChannels(TenantId tenant, List<Channel> on, List<Channel> off) {
		return Flux.concat(on.stream().map((channel) -> switchChannel(tenant, channel, true)).toList())
			.thenMany(Flux.concat(off.stream().map((channel) -> switchChannel(tenant, channel, false)).toList()))
			.then();
	}

	private Mono<Void> switchChannel(TenantId tenant, Channel channel, boolean enabled) {
		return this.database
			.sql("""
					insert into notifications.organization_channel (tenant_id, channel, enabled) values (:tenant, :channel, :enabled)
					on conflict (tenant_id, channel) do update set enabled = excluded.enabled""")
			.bind("tenant", tenant.value())
			.bind("channel", channel.key())
			.bind("enabled", enabled)
			.then();
	}

	/** Where and when to reach a member. */
	record Reach(String email, String language, String zone, LocalTime quietStart, LocalTime quietEnd) {
	}

}
