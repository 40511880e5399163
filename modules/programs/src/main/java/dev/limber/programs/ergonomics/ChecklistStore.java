package dev.limber.programs.ergonomics;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.limber.kernel.tenant.TenantId;

/** Organizations' own checklist items and members' assessments, in the current tenant. */
@Repository
class ChecklistStore {

	private final DatabaseClient database;

	ChecklistStore(DatabaseClient database) {
		this.database = database;
	}

	Flux<ChecklistItem> ownItems() {
		return this.database
			.sql("select id, section, question, fix, exercises from programs.own_checklist_item order by id")
			.map((row, metadata) -> new ChecklistItem(row.get("id", String.class), row.get("section", String.class),
					row.get("question", String.class), row.get("fix", String.class),
					Arrays.asList(row.get("exercises", String[].class)), true))
			.all();
	}

	Mono<Void> addItem(TenantId tenant, ChecklistItem item) {
		return this.database.sql("""
				insert into programs.own_checklist_item (tenant_id, id, section, question, fix, exercises)
				values (:tenant, :id, :section, :question, :fix, :exercises)""")
			.bind("tenant", tenant.value())
			.bind("id", item.id())
			.bind("section", item.section())
			.bind("question", item.question())
			.bind("fix", item.fix())
			.bind("exercises", item.exercises().toArray(String[]::new))
			.then();
	}

	Mono<Long> deleteItem(String id) {
		return this.database.sql("delete from programs.own_checklist_item where id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	Mono<UUID> start(TenantId tenant, UUID member) {
		UUID id = UUID.randomUUID();
		return this.database
			.sql("insert into programs.assessment (tenant_id, id, member_id) values (:tenant, :id, :member)")
			.bind("tenant", tenant.value())
			.bind("id", id)
			.bind("member", member)
			.then()
			.thenReturn(id);
	}

	Mono<Assessment> find(UUID member, UUID id) {
		return this.database.sql("""
				select id, started_at, completed_at from programs.assessment where member_id = :member and id = :id""")
			.bind("member", member)
			.bind("id", id)
			.map(ChecklistStore::assessment)
			.one()
			.flatMap((assessment) -> answers(id).map(assessment::withAnswers));
	}

	/** The member's latest unfinished check, if any. */
	Mono<UUID> inProgress(UUID member) {
		return this.database.sql("""
				select id from programs.assessment where member_id = :member and completed_at is null
				order by started_at desc limit 1""")
			.bind("member", member)
			.map((row, metadata) -> row.get("id", UUID.class))
			.first();
	}

	Mono<Long> count(UUID member) {
		return this.database.sql("select count(*) as checks from programs.assessment where member_id = :member")
			.bind("member", member)
			.map((row, metadata) -> row.get("checks", Long.class))
			.one();
	}

	/** One page of the member's checks, newest first. */
	Flux<Assessment> history(UUID member, int limit, long offset) {
		return withAnswers(this.database.sql("""
				select id, started_at, completed_at from programs.assessment where member_id = :member
				order by started_at desc, id limit :limit offset :offset""")
			.bind("member", member)
			.bind("limit", limit)
			.bind("offset", offset));
	}

	Flux<Assessment> history(UUID member) {
		return withAnswers(this.database.sql("""
				select id, started_at, completed_at from programs.assessment where member_id = :member
				order by started_at desc""").bind("member", member));
	}

	/** Saves one section's answers; answering again replaces the earlier answer. */
	Mono<Void> answer(TenantId tenant, UUID assessment, String section, Map<String, Boolean> answers) {
		return Flux.fromIterable(answers.entrySet())
			.concatMap((answer) -> this.database.sql("""
					insert into programs.assessment_answer (tenant_id, assessment_id, item_id, section, passed)
					values (:tenant, :assessment, :item, :section, :passed)
					on conflict (tenant_id, assessment_id, item_id) do update set passed = excluded.passed""")
				.bind("tenant", tenant.value())
				.bind("assessment", assessment)
				.bind("item", answer.getKey())
				.bind("section", section)
				.bind("passed", answer.getValue())
				.then())
			.then();
	}

	Mono<Long> complete(UUID assessment) {
		return this.database
			.sql("update programs.assessment set completed_at = now() where id = :id and completed_at is null")
			.bind("id", assessment)
			.fetch()
			.rowsUpdated();
	}

	private Flux<Assessment> withAnswers(DatabaseClient.GenericExecuteSpec query) {
		return query.map(ChecklistStore::assessment)
			.all()
			// Finish reading before the next query on the same connection.
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap((assessment) -> answers(assessment.id()).map(assessment::withAnswers));
	}

	private static Assessment assessment(Readable row) {
		return new Assessment(row.get("id", UUID.class), row.get("started_at", OffsetDateTime.class),
				row.get("completed_at", OffsetDateTime.class), Map.of());
	}

	private Mono<Map<String, Boolean>> answers(UUID assessment) {
		return this.database.sql("select item_id, passed from programs.assessment_answer where assessment_id = :id")
			.bind("id", assessment)
			.map((row, metadata) -> Map.entry(row.get("item_id", String.class), row.get("passed", Boolean.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
