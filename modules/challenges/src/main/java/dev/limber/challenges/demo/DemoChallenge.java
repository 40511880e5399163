package dev.limber.challenges.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.challenges.participation.ParticipantStore;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.kernel.tenant.TenantId;
import dev.limber.organizations.TeamDirectory;
import dev.limber.organizations.TeamDirectory.TeamSummary;
import dev.limber.programs.ActivitiesImported;
import dev.limber.programs.ActivityHistory;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.ParticipationEvents;

/**
 * Development only: a running challenge between the demo teams (one of them below the
 * minimum group size), joined by their colleagues, some shown by name, with the entries
 * their demo history earned since it started. The demo users join from the challenge
 * page.
 */
@Component
@ConditionalOnProperty(name = "limber.demo.enabled", havingValue = "true")
class DemoChallenge {

	private static final Log logger = LogFactory.getLog(DemoChallenge.class);

	static final Set<String> TEAMS = Set.of("Blue Team", "Green Team", "Orange Team", "Ops Team", "Legal Team");

	static final List<String> NAMES = List.of("Alex", "Bea", "Chen", "Dana", "Emil", "Fatima", "Goran", "Hiro", "Ines",
			"Jonas", "Kemal", "Lena", "Mia", "Noor", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq");

	static final String TITLE = "Three weeks of loose hamstrings";

	private final TeamDirectory teams;

	private final ParticipationEvents participationEvents;

	private final ParticipantStore participants;

	private final ActivityHistory history;

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final Clock clock;

	DemoChallenge(TeamDirectory teams, ParticipantStore participants, ActivityHistory history,
			ParticipationEvents participationEvents, DatabaseClient database, TransactionalOperator transactions,
			Clock clock) {
		this.clock = clock;
		this.participationEvents = participationEvents;
		this.teams = teams;
		this.participants = participants;
		this.history = history;
		this.database = database;
		this.transactions = transactions;
	}

	@EventListener
	void activitiesImported(ActivitiesImported event) {
		TenantId tenant = event.organization();
		UUID challenge = UUID.randomUUID();
		ZoneId zone = event.zone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		Instant start = today.minusDays(9).atStartOfDay(zone).toInstant();
		Instant end = today.plusDays(12).atStartOfDay(zone).toInstant();
		this.teams.teams()
			.filter((team) -> TEAMS.contains(team.name()))
			.collectList()
			.flatMap((chosen) -> create(tenant, challenge, zone, start, end, chosen)
				.then(Flux.fromIterable(chosen).concatMap((team) -> join(tenant, challenge, team, zone, start)).then()))
			.as(this.transactions::transactional)
			.contextWrite(TenantContext.with(tenant))
			.subscribe(null, (ex) -> logger.warn("Demo challenge failed", ex),
					() -> logger.info("Demo challenge running for " + tenant.value()));
	}

	private Mono<Void> create(TenantId tenant, UUID challenge, ZoneId zone, Instant start, Instant end,
			List<TeamSummary> chosen) {
		return this.database.sql("""
				insert into challenges.challenge (tenant_id, id, title, description, starts_at, ends_at, time_zone,
				    metric, daily_cap, show_individuals, published, created_by)
				values (:tenant, :id, :title,
				    'Every team stretches a little each day. Minutes count, up to 20 a day per person.', :start, :end,
				    :zone, 'minutes', 20, true, true, gen_random_uuid())""")
			.bind("tenant", tenant.value())
			.bind("id", challenge)
			.bind("title", TITLE)
			.bind("start", start.atOffset(ZoneOffset.UTC))
			.bind("end", end.atOffset(ZoneOffset.UTC))
			.bind("zone", zone.getId())
			.then()
			.then(Flux.fromIterable(chosen)
				.concatMap((team) -> this.database.sql("""
						insert into challenges.challenge_team (tenant_id, challenge_id, id, name, org_team_id)
						values (:tenant, :challenge, :team, :name, :team)""")
					.bind("tenant", tenant.value())
					.bind("challenge", challenge)
					.bind("team", team.id())
					.bind("name", team.name())
					.then())
				.then());
	}

	/**
	 * Everyone on the team joins; about half are shown by name; their history since the
	 * start counts.
	 */
	private Mono<Void> join(TenantId tenant, UUID challenge, TeamSummary team, ZoneId zone, Instant start) {
		return this.teams.membersOf(team.id()).collectList().flatMapMany(Flux::fromIterable).concatMap((member) -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String name = random.nextBoolean()
					? NAMES.get(random.nextInt(NAMES.size())) + " " + (char) ('A' + random.nextInt(26)) + "." : null;
			return this.participants.join(tenant, challenge, member, team.id(), name)
				.then(this.participationEvents.publish(tenant, start.atOffset(ZoneOffset.UTC),
						new ParticipationEvent.ChallengeJoined(challenge, TITLE, member, null, null, zone.getId())))
				.then(this.history.ofMember(member, start.atOffset(ZoneOffset.UTC), OffsetDateTime.now(this.clock))
					.collectList())
				.flatMap((activities) -> this.participants.record(tenant, challenge, team.id(), activities));
		}).then();
	}

}
