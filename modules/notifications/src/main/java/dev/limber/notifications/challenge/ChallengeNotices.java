package dev.limber.notifications.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.ChallengeBulletins;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.kernel.web.PublicBaseUrl;
import dev.limber.notifications.Channel;
import dev.limber.notifications.Message;
import dev.limber.notifications.Notifications;
import dev.limber.notifications.preferences.Preferences;
import dev.limber.notifications.preferences.Topic;
import dev.limber.notifications.schedule.DueMessages;
import dev.limber.notifications.schedule.TenantSweep;

/**
 * Personal challenge messages for members who turned challenges on: an email invitation
 * to a published challenge they have not joined yet, an email with the final results and
 * a push when it finishes to those who joined, and a push when a challenge they joined
 * starts. The results are the leaderboard's, as every member sees it. Keyed by challenge
 * and moment.
 */
@Component
public class ChallengeNotices implements DueMessages {

	static final Duration RECENT = Duration.ofDays(7);

	private final TenantSweep tenants;

	private final Preferences preferences;

	private final ChallengeBulletins challenges;

	private final Notifications notifications;

	private final DeviceDirectory devices;

	private final TransactionalOperator transactions;

	private final PublicBaseUrl publicBaseUrl;

	private final Clock clock;

	ChallengeNotices(TenantSweep tenants, Preferences preferences, ChallengeBulletins challenges,
			Notifications notifications, DeviceDirectory devices, TransactionalOperator transactions,
			PublicBaseUrl publicBaseUrl, Clock clock) {
		this.tenants = tenants;
		this.preferences = preferences;
		this.challenges = challenges;
		this.notifications = notifications;
		this.devices = devices;
		this.transactions = transactions;
		this.publicBaseUrl = publicBaseUrl;
		this.clock = clock;
	}

	@Override
	public Duration period() {
		return Duration.ofMinutes(1);
	}

	/** Enqueues what is due; emits how many messages were added. */
	@Override
	public Mono<Integer> enqueueDue() {
		Instant now = this.clock.instant();
		Flux<TenantId> subscribed = Flux.concat(this.tenants.subscribed(Channel.EMAIL, Topic.CHALLENGES),
				this.tenants.subscribed(Channel.PUSH, Topic.CHALLENGES));
		return this.tenants.each(subscribed.distinct(), (tenant) -> enqueueDue(tenant, now));
	}

	private Mono<Integer> enqueueDue(TenantId tenant, Instant now) {
		return plan(now).as(this.transactions::transactional)
			.flatMap((plan) -> results(tenant, plan, now).map((standings) -> messages(plan, standings, now)))
			.flatMap((messages) -> Flux.fromIterable(messages)
				.concatMap(this.notifications::enqueue)
				.filter(Boolean::booleanValue)
				.count()
				.as(this.transactions::transactional))
			.map(Long::intValue);
	}

	/**
	 * Who wants what and who joined which challenge; every read completes before the
	 * next.
	 */
	private Mono<Plan> plan(Instant now) {
		return this.preferences.subscribers(Channel.EMAIL, Topic.CHALLENGES)
			.collectList()
			.zipWhen((email) -> this.preferences.subscribers(Channel.PUSH, Topic.CHALLENGES).collectList())
			.zipWhen((subscribers) -> this.devices.of(subscribers.getT2()))
			.zipWhen((read) -> this.challenges.published(now.minus(RECENT)).collectList())
			.flatMap((read) -> Flux.fromIterable(read.getT2())
				.concatMap((challenge) -> this.challenges.participants(challenge.id())
					.collectList()
					.map((joined) -> Map.entry(challenge.id(), Set.copyOf(joined))))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.map((participants) -> new Plan(Set.copyOf(read.getT1().getT1().getT1()),
						Set.copyOf(read.getT1().getT1().getT2()), read.getT1().getT2(), read.getT2(), participants)));
	}

	/**
	 * Final standings of the challenges whose results are due, each in its own
	 * transaction.
	 */
	private Mono<Map<UUID, ChallengeBulletins.PublicStanding>> results(TenantId tenant, Plan plan, Instant now) {
		return Flux.fromIterable(plan.challenges())
			.filter((challenge) -> !now.isBefore(challenge.graceEndsAt()))
			.concatMap((challenge) -> this.challenges.standing(tenant, challenge.id()))
			.collectMap(ChallengeBulletins.PublicStanding::challenge);
	}

	private List<Message> messages(Plan plan, Map<UUID, ChallengeBulletins.PublicStanding> standings, Instant now) {
		List<Message> messages = new ArrayList<>();
		for (ChallengeBulletins.Summary challenge : plan.challenges()) {
			Set<UUID> joined = plan.participants().getOrDefault(challenge.id(), Set.of());
			String path = "/challenges/" + challenge.id();
			if (now.isBefore(challenge.endsAt())) {
				plan.email()
					.stream()
					.filter((member) -> !joined.contains(member))
					.forEach((member) -> messages
						.add(email(member, "challenge-invitation", challenge, invitation(challenge, path))));
			}
			if (!now.isBefore(challenge.startsAt()) && now.isBefore(challenge.startsAt().plus(Duration.ofDays(1)))) {
				push(messages, plan, joined, challenge, "challenge-started", path);
			}
			ChallengeBulletins.PublicStanding standing = standings.get(challenge.id());
			if (standing != null) {
				joined.stream()
					.filter(plan.email()::contains)
					.forEach((member) -> messages
						.add(email(member, "challenge-results", challenge, results(standing, path))));
				push(messages, plan, joined, challenge, "challenge-finished", path);
			}
		}
		return messages;
	}

	private void push(List<Message> messages, Plan plan, Set<UUID> joined, ChallengeBulletins.Summary challenge,
			String template, String path) {
		for (UUID member : joined) {
			if (plan.push().contains(member)) {
				for (UUID device : plan.devices().getOrDefault(member, List.of())) {
					messages.add(new Message(device.toString(), Channel.PUSH, Topic.CHALLENGES.key(),
							template + ":" + challenge.id(), Map.of("member", member.toString(), "template", template,
									"path", path, "argument", challenge.title())));
				}
			}
		}
	}

	private static Message email(UUID member, String template, ChallengeBulletins.Summary challenge,
			Map<String, Object> variables) {
		return new Message(member.toString(), Channel.EMAIL, Topic.CHALLENGES.key(), template + ":" + challenge.id(),
				Map.of("template", template, "variables", variables));
	}

	private Map<String, Object> invitation(ChallengeBulletins.Summary challenge, String path) {
		return Map.of("title", challenge.title(), "startsOn",
				challenge.startsAt().atZone(challenge.zone()).toLocalDate().toString(), "endsOn",
				challenge.endsAt().atZone(challenge.zone()).toLocalDate().toString(), "challengeUrl",
				this.publicBaseUrl.resolve(path));
	}

	private Map<String, Object> results(ChallengeBulletins.PublicStanding standing, String path) {
		List<Map<String, Object>> teams = new ArrayList<>();
		for (ChallengeBulletins.Team team : standing.teams()) {
			Map<String, Object> row = new HashMap<>();
			row.put("name", team.name());
			row.put("shown", team.rank() != null);
			row.put("average",
					(team.average() != null) ? String.format(java.util.Locale.ROOT, "%.1f", team.average()) : "");
			row.put("fewerThan", standing.minGroupSize());
			teams.add(row);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("title", standing.title());
		variables.put("teams", teams);
		variables.put("challengeUrl", this.publicBaseUrl.resolve(path));
		return variables;
	}

	record Plan(Set<UUID> email, Set<UUID> push, Map<UUID, List<UUID>> devices,
			List<ChallengeBulletins.Summary> challenges, Map<UUID, Set<UUID>> participants) {
	}

	/** Devices per member, from the push module's subscriptions. */
	public interface DeviceDirectory {

		Mono<Map<UUID, List<UUID>>> of(List<UUID> members);

	}

}
