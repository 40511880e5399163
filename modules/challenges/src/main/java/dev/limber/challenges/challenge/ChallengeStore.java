package dev.limber.challenges.challenge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import dev.limber.challenges.challenge.Challenge.ChallengeTeam;
import dev.limber.challenges.challenge.Challenge.Metric;
import dev.limber.kernel.tenant.TenantId;

/**
 * Challenges and their teams in the current tenant; row-level security scopes every
 * query.
 */
@Repository
public class ChallengeStore {

	private static final String COLUMNS = """
			id, title, description, starts_at, ends_at, time_zone, metric, routines, categories, daily_cap,
			grace_hours, show_individuals, team_choice, published, created_by""";

	private final DatabaseClient database;

	ChallengeStore(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Challenge> find(UUID id) {
		return this.database.sql("select " + COLUMNS + " from challenges.challenge where id = :id")
			.bind("id", id)
			.map(ChallengeStore::map)
			.one()
			.flatMap((challenge) -> teams(List.of(id)).map((teams) -> withTeams(challenge, teams)));
	}

	/**
	 * Published challenges, plus drafts made by {@code draftsOf} (or every draft when
	 * null).
	 */
	Flux<Challenge> findVisible(UUID draftsOf, boolean allDrafts) {
		return this.database.sql("select " + COLUMNS + """
				 from challenges.challenge
				where published or :allDrafts or created_by = :member
				order by starts_at desc, title""")
			.bind("allDrafts", allDrafts)
			.bind("member", Parameter.fromOrEmpty(draftsOf, UUID.class))
			.map(ChallengeStore::map)
			.all()
			.collectList()
			.flatMapMany((challenges) -> teams(challenges.stream().map(Challenge::id).toList())
				.flatMapMany((teams) -> Flux.fromIterable(challenges).map((c) -> withTeams(c, teams))));
	}

	/** Challenges that still accept activity from {@code member} at {@code now}. */
	public Flux<Challenge> acceptingFor(UUID member, Instant now) {
		return this.database.sql("select " + prefixed("c") + """
				 from challenges.challenge c
				join challenges.participant p on p.tenant_id = c.tenant_id and p.challenge_id = c.id
				where p.member_id = :member and c.published
				  and :now < c.ends_at + make_interval(hours => c.grace_hours)""")
			.bind("member", member)
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.map(ChallengeStore::map)
			.all()
			.collectList()
			.flatMapMany((challenges) -> teams(challenges.stream().map(Challenge::id).toList())
				.flatMapMany((teams) -> Flux.fromIterable(challenges).map((c) -> withTeams(c, teams))));
	}

	Mono<Void> insert(TenantId tenant, Challenge challenge) {
		return this.database.sql("insert into challenges.challenge (tenant_id, " + COLUMNS + """
				) values (:tenant, :id, :title, :description, :startsAt, :endsAt, :zone, :metric, :routines,
				    :categories, :dailyCap, :graceHours, :showIndividuals, :teamChoice, :published, :createdBy)""")
			.bind("tenant", tenant.value())
			.bind("id", challenge.id())
			.bind("createdBy", challenge.createdBy())
			.bindValues(rules(challenge))
			.then()
			.then(insertTeams(tenant, challenge));
	}

	Mono<Void> update(TenantId tenant, Challenge challenge, boolean replaceTeams) {
		Mono<Void> update = this.database.sql("""
				update challenges.challenge set title = :title, description = :description, starts_at = :startsAt,
				    ends_at = :endsAt, time_zone = :zone, metric = :metric, routines = :routines,
				    categories = :categories, daily_cap = :dailyCap, grace_hours = :graceHours,
				    show_individuals = :showIndividuals, team_choice = :teamChoice, published = :published,
				    updated_at = now()
				where id = :id""").bind("id", challenge.id()).bindValues(rules(challenge)).then();
		if (!replaceTeams) {
			return update;
		}
		return update
			.then(this.database.sql("delete from challenges.participant where challenge_id = :id")
				.bind("id", challenge.id())
				.then())
			.then(this.database.sql("delete from challenges.challenge_team where challenge_id = :id")
				.bind("id", challenge.id())
				.then())
			.then(insertTeams(tenant, challenge));
	}

	Mono<Long> delete(UUID id) {
		return this.database.sql("delete from challenges.challenge where id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	private Mono<Void> insertTeams(TenantId tenant, Challenge challenge) {
		List<ChallengeTeam> teams = challenge.teams();
		return this.database.sql("""
				insert into challenges.challenge_team (tenant_id, challenge_id, id, name, org_team_id)
				select :tenant, :challenge, id, name, org_team_id
				from unnest(:ids::uuid[], :names::text[], :orgTeams::uuid[]) as t(id, name, org_team_id)""")
			.bind("tenant", tenant.value())
			.bind("challenge", challenge.id())
			.bind("ids", teams.stream().map(ChallengeTeam::id).toArray(UUID[]::new))
			.bind("names", teams.stream().map(ChallengeTeam::name).toArray(String[]::new))
			.bind("orgTeams", teams.stream().map(ChallengeTeam::orgTeamId).toArray(UUID[]::new))
			.then();
	}

	private Mono<Map<UUID, List<ChallengeTeam>>> teams(List<UUID> challenges) {
		return this.database.sql("""
				select challenge_id, id, name, org_team_id from challenges.challenge_team
				where challenge_id = any(:challenges) order by name""")
			.bind("challenges", challenges.toArray(UUID[]::new))
			.map((row, metadata) -> Map.entry(row.get("challenge_id", UUID.class),
					new ChallengeTeam(row.get("id", UUID.class), row.get("name", String.class),
							row.get("org_team_id", UUID.class))))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static Map<String, Object> rules(Challenge challenge) {
		return Map.ofEntries(Map.entry("title", challenge.title()), Map.entry("description", challenge.description()),
				Map.entry("startsAt", challenge.startsAt().atOffset(ZoneOffset.UTC)),
				Map.entry("endsAt", challenge.endsAt().atOffset(ZoneOffset.UTC)),
				Map.entry("zone", challenge.zone().getId()), Map.entry("metric", challenge.metric().label()),
				Map.entry("routines", challenge.routines().toArray(String[]::new)),
				Map.entry("categories", challenge.categories().toArray(String[]::new)),
				Map.entry("dailyCap", challenge.dailyCap()), Map.entry("graceHours", challenge.graceHours()),
				Map.entry("showIndividuals", challenge.showIndividuals()),
				Map.entry("teamChoice", challenge.teamChoice()), Map.entry("published", challenge.published()));
	}

	private static Challenge withTeams(Challenge challenge, Map<UUID, List<ChallengeTeam>> teams) {
		return new Challenge(challenge.id(), challenge.title(), challenge.description(), challenge.startsAt(),
				challenge.endsAt(), challenge.zone(), challenge.metric(), challenge.routines(), challenge.categories(),
				challenge.dailyCap(), challenge.graceHours(), challenge.showIndividuals(), challenge.teamChoice(),
				challenge.published(), challenge.createdBy(), teams.getOrDefault(challenge.id(), List.of()));
	}

	private static String prefixed(String alias) {
		return Arrays.stream(COLUMNS.split(","))
			.map(String::strip)
			.map((column) -> alias + "." + column)
			.collect(Collectors.joining(", "));
	}

	private static Challenge map(Readable row) {
		return new Challenge(row.get("id", UUID.class), row.get("title", String.class),
				row.get("description", String.class), row.get("starts_at", OffsetDateTime.class).toInstant(),
				row.get("ends_at", OffsetDateTime.class).toInstant(), ZoneId.of(row.get("time_zone", String.class)),
				Metric.valueOf(row.get("metric", String.class).toUpperCase(Locale.ROOT)),
				List.of(row.get("routines", String[].class)), List.of(row.get("categories", String[].class)),
				row.get("daily_cap", Integer.class), row.get("grace_hours", Integer.class),
				row.get("show_individuals", Boolean.class), row.get("team_choice", Boolean.class),
				row.get("published", Boolean.class), row.get("created_by", UUID.class), List.of());
	}

}
