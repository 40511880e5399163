package dev.limber.organizations.members;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.notify.DatabaseNotifications;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.Role;

/**
 * Whether a member is still active, and with which roles, as the database says now:
 * portal sessions check it on every request, so deactivation, deletion and role changes
 * take effect on the next request. Kept in a small cache that every change clears, on
 * every instance (PostgreSQL NOTIFY on commit).
 */
@Service
public class MemberStatus implements InitializingBean, DisposableBean {

	static final String CHANNEL = "limber_member_changed";

	/** Only a safety net: changes clear entries at once. */
	private static final Duration AT_MOST = Duration.ofMinutes(5);

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final DatabaseNotifications notifications;

	private final MemberSync signIns;

	private final AsyncCache<UUID, Optional<State>> states = Caffeine.newBuilder()
		.expireAfterWrite(AT_MOST)
		.maximumSize(50_000)
		.buildAsync();

	private Disposable listening;

	MemberStatus(DatabaseClient database, TransactionalOperator transactions, DatabaseNotifications notifications,
			MemberSync signIns) {
		this.database = database;
		this.transactions = transactions;
		this.notifications = notifications;
		this.signIns = signIns;
	}

	/** A member's state: empty if deleted. */
	public record State(boolean active, Set<Role> roles) {
	}

	public Mono<Optional<State>> current(TenantId tenant, UUID member) {
		return Mono.fromFuture(() -> this.states.get(member, (key, executor) -> load(tenant, key).toFuture()));
	}

	/**
	 * Announces a change of {@code member} to every instance when the caller's
	 * transaction commits.
	 */
	public Mono<Void> changed(UUID member) {
		return this.notifications.send(CHANNEL, member.toString());
	}

	/**
	 * Forgets {@code member} on this instance at once (the notice reaches the others).
	 */
	public void forget(UUID member) {
		this.states.synchronous().invalidate(member);
		this.signIns.forget(member);
	}

	/**
	 * A sign-in on this instance changed the member: its next request here must see it.
	 */
	@EventListener
	void memberChanged(MemberChanged event) {
		this.states.synchronous().invalidate(event.member());
	}

	@Override
	public void afterPropertiesSet() {
		this.listening = this.notifications.listen(CHANNEL).subscribe((payload) -> {
			if (payload.equals(DatabaseNotifications.RESYNC)) {
				this.states.synchronous().invalidateAll();
				this.signIns.forgetAll();
			}
			else {
				forget(UUID.fromString(payload));
			}
		});
	}

	@Override
	public void destroy() {
		if (this.listening != null) {
			this.listening.dispose();
		}
	}

	private Mono<Optional<State>> load(TenantId tenant, UUID member) {
		return this.database.sql("select active, roles from organizations.member where id = :id")
			.bind("id", member)
			.map((row, metadata) -> new State(Boolean.TRUE.equals(row.get("active", Boolean.class)),
					roles(row.get("roles", String[].class))))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant));
	}

	static Set<Role> roles(String[] names) {
		Set<Role> roles = EnumSet.of(Role.EMPLOYEE);
		if (names != null) {
			for (String name : names) {
				try {
					roles.add(Role.valueOf(name));
				}
				catch (IllegalArgumentException unknown) {
					// a role this version no longer knows grants nothing
				}
			}
		}
		return roles;
	}

}
