package dev.limber.programs.reminders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.CurrentMember;
import dev.limber.programs.BreakTimes;

/**
 * Movement-break reminders and the personal calendar feed. The feed URL carries a random
 * secret; only its hash is stored, and rotating or revoking it kills the old URL at once.
 */
@Service
public class Reminders implements BreakTimes {

	private final ReminderStore store;

	private final TransactionalOperator transactions;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	Reminders(ReminderStore store, TransactionalOperator transactions, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.transactions = transactions;
	}

	public Mono<ReminderSettings> settings(CurrentMember member) {
		return this.store.find(member.memberId())
			.as(this.transactions::transactional)
			.defaultIfEmpty(ReminderSettings.defaults(member.zone()));
	}

	public Mono<ReminderSettings> save(CurrentMember member, ReminderSettings settings) {
		if (!settings.workStart().isBefore(settings.workEnd())) {
			return Mono.error(ApiException.badRequest("workStart must be before workEnd."));
		}
		if (settings.intervalMinutes() < 30 || settings.intervalMinutes() > 60) {
			return Mono.error(ApiException.badRequest("intervalMinutes must be from 30 to 60."));
		}
		return this.store.save(member.tenant(), member.memberId(), settings)
			.then(this.store.find(member.memberId()))
			.as(this.transactions::transactional);
	}

	@Override
	public Mono<List<Break>> onDayOf(UUID member, ZoneId fallbackZone, Instant now) {
		return this.store.find(member)
			.defaultIfEmpty(ReminderSettings.defaults(fallbackZone))
			.map((settings) -> BreakSchedule.breaksOn(now.atZone(settings.zone()).toLocalDate(), settings)
				.stream()
				.map((start) -> new Break(start.toInstant(), settings.breakMinutes()))
				.toList());
	}

	/**
	 * A new secret feed token (the previous one stops working); the caller shows it once.
	 */
	public Mono<String> rotateFeed(CurrentMember member) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return settings(member).flatMap((current) -> this.store.save(member.tenant(), member.memberId(), current))
			.then(this.store.setFeedTokenHash(member.memberId(), hash(token)))
			.as(this.transactions::transactional)
			.thenReturn(token);
	}

	public Mono<Void> revokeFeed(CurrentMember member) {
		return this.store.setFeedTokenHash(member.memberId(), null).as(this.transactions::transactional);
	}

	/** The iCalendar text of a feed, or empty for an unknown or revoked token. */
	public Mono<String> feed(String token) {
		return this.store.feedOwner(hash(token))
			.flatMap((owner) -> this.store.find(owner.member())
				.as(this.transactions::transactional)
				.contextWrite(TenantContext.with(owner.tenant())))
			.map((settings) -> BreakCalendar.render(settings, LocalDate.now(this.clock.withZone(settings.zone()))));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
