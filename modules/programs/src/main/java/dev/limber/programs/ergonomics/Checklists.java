package dev.limber.programs.ergonomics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.limber.kernel.problem.ApiException;
import dev.limber.kernel.tenant.TenantContext;
import dev.limber.organizations.AuditActor;
import dev.limber.organizations.AuditTrail;
import dev.limber.organizations.CurrentMember;
import dev.limber.programs.ParticipationEvent;
import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.outbox.OutboxWriter;

/**
 * The workstation self-assessment: the default checklist plus the organization's own
 * items, answered section by section, with fixes and exercises for every "no".
 */
@Service
public class Checklists {

	/** Own items an organization may add: the default checklist has about twenty. */
	static final int MAX_OWN_ITEMS = 100;

	private final DefaultChecklist defaults;

	private final ChecklistStore store;

	private final Catalog catalog;

	private final OutboxWriter outbox;

	private final TransactionalOperator transactions;

	private final AuditTrail trail;

	Checklists(DefaultChecklist defaults, ChecklistStore store, Catalog catalog, OutboxWriter outbox,
			TransactionalOperator transactions, AuditTrail trail) {
		this.trail = trail;
		this.defaults = defaults;
		this.store = store;
		this.catalog = catalog;
		this.outbox = outbox;
		this.transactions = transactions;
	}

	public Mono<List<ChecklistSection>> current() {
		return this.store.ownItems()
			.collectList()
			.as(this.transactions::transactional)
			.map((own) -> this.defaults.sections()
				.stream()
				.map((section) -> section
					.withItems(own.stream().filter((item) -> item.section().equals(section.id())).toList()))
				.toList());
	}

	public Mono<Void> addItem(ChecklistItem item) {
		boolean knownSection = this.defaults.sections()
			.stream()
			.anyMatch((section) -> section.id().equals(item.section()));
		if (!knownSection) {
			return Mono.error(ApiException.unprocessable("section: no section '" + item.section() + "'."));
		}
		List<String> unknown = item.exercises()
			.stream()
			.filter((slug) -> this.catalog.exercise(slug).isEmpty())
			.toList();
		if (!unknown.isEmpty()) {
			return Mono.error(ApiException.unprocessable("exercises: unknown " + unknown));
		}
		boolean defaultId = this.defaults.sections()
			.stream()
			.flatMap((section) -> section.items().stream())
			.anyMatch((existing) -> existing.id().equals(item.id()));
		if (defaultId) {
			// it would share the default item's answers
			return Mono.error(ApiException.conflict("id: '" + item.id() + "' is the id of a default item."));
		}
		return TenantContext.require().flatMap((tenant) -> this.store.ownItems().count().flatMap((count) -> {
			if (count >= MAX_OWN_ITEMS) {
				return Mono.error(ApiException
					.unprocessable("An organization keeps at most " + MAX_OWN_ITEMS + " own items; delete one first."));
			}
			return this.store.addItem(tenant, item);
		}))
			.then(AuditActor.current()
				.flatMap((actor) -> this.trail.record(actor.memberId(), "own-content.added",
						"checklist-item:" + item.id(), actor.with(java.util.Map.of("section", item.section())))))
			.as(this.transactions::transactional);
	}

	/**
	 * Removes an own item; answers already given to it stay in the assessments that have
	 * them.
	 */
	public Mono<Void> deleteItem(String id) {
		return this.store.deleteItem(id)
			.flatMap((deleted) -> (deleted == 0) ? Mono.error(ApiException.notFound("Own checklist item"))
					: AuditActor.current()
						.flatMap((actor) -> this.trail.record(actor.memberId(), "own-content.deleted",
								"checklist-item:" + id, actor.with(java.util.Map.of()))))
			.as(this.transactions::transactional);
	}

	public Mono<UUID> start(CurrentMember member) {
		return this.store.start(member.tenant(), member.memberId()).as(this.transactions::transactional);
	}

	/**
	 * The member's check in progress, else a new one: the page's button never starts a
	 * second check.
	 */
	public Mono<UUID> continueOrStart(CurrentMember member) {
		return this.store.inProgress(member.memberId())
			.switchIfEmpty(Mono.defer(() -> this.store.start(member.tenant(), member.memberId())))
			.as(this.transactions::transactional);
	}

	public Mono<AssessmentResult> answer(CurrentMember member, UUID assessment, String section,
			Map<String, Boolean> answers) {
		return current().flatMap((sections) -> {
			ChecklistSection target = sections.stream()
				.filter((candidate) -> candidate.id().equals(section))
				.findFirst()
				.orElseThrow(() -> ApiException.notFound("Checklist section"));
			Set<String> items = target.items().stream().map(ChecklistItem::id).collect(Collectors.toSet());
			if (!items.containsAll(answers.keySet())) {
				throw ApiException
					.unprocessable("answers: only items of section '" + section + "' can be answered here.");
			}
			return this.store.find(member.memberId(), assessment)
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("Assessment")))
				.flatMap((found) -> found.completed()
						? Mono.error(ApiException.conflict("This assessment is finished; start a new one."))
						: this.store.answer(member.tenant(), assessment, section, answers))
				.then(this.store.find(member.memberId(), assessment))
				.as(this.transactions::transactional)
				.map((saved) -> result(saved, sections));
		});
	}

	/**
	 * Finishes the assessment and tells reporting which sections failed, never who failed
	 * them.
	 */
	public Mono<AssessmentResult> complete(CurrentMember member, UUID assessment) {
		return current().flatMap((sections) -> this.store.find(member.memberId(), assessment)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Assessment")))
			.flatMap((found) -> this.store.complete(assessment)
				.flatMap((changed) -> (changed == 0) ? Mono.empty()
						: this.outbox.publish(member.tenant(), event(member, result(found, sections), sections)))
				.then(this.store.find(member.memberId(), assessment)))
			.as(this.transactions::transactional)
			.map((done) -> result(done, sections)));
	}

	public Mono<AssessmentResult> find(CurrentMember member, UUID assessment) {
		return current().flatMap((sections) -> this.store.find(member.memberId(), assessment)
			.as(this.transactions::transactional)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Assessment")))
			.map((found) -> result(found, sections)));
	}

	public Flux<AssessmentResult> history(CurrentMember member) {
		return current().flatMapMany((sections) -> this.store.history(member.memberId())
			.as(this.transactions::transactional)
			.map((found) -> result(found, sections)));
	}

	/**
	 * Page {@code page} (from 1; past the last, the last) of the member's checks, newest
	 * first.
	 */
	public Mono<ChecklistHistory> history(CurrentMember member, int page) {
		return current().flatMap((sections) -> this.store.count(member.memberId())
			.zipWith(this.store.inProgress(member.memberId()).hasElement())
			.flatMap((known) -> {
				long count = known.getT1();
				int pages = (int) Math.max(1, (count + ChecklistHistory.PAGE_SIZE - 1) / ChecklistHistory.PAGE_SIZE);
				int shown = Math.min(Math.max(page, 1), pages);
				return this.store
					.history(member.memberId(), ChecklistHistory.PAGE_SIZE,
							(long) (shown - 1) * ChecklistHistory.PAGE_SIZE)
					.map((found) -> result(found, sections))
					.collectList()
					.map((checks) -> new ChecklistHistory(checks, shown, pages, known.getT2()));
			})
			.as(this.transactions::transactional));
	}

	AssessmentResult result(Assessment assessment, List<ChecklistSection> sections) {
		List<AssessmentResult.Finding> findings = sections.stream()
			.flatMap((section) -> section.items().stream())
			.filter((item) -> Boolean.FALSE.equals(assessment.answers().get(item.id())))
			.map((item) -> new AssessmentResult.Finding(item.section(), item.id(), item.question(), item.fix(),
					item.exercises()
						.stream()
						.flatMap((slug) -> this.catalog.exercise(slug).stream())
						.map((exercise) -> new AssessmentResult.Link(exercise.slug(), exercise.name()))
						.toList()))
			.toList();
		List<String> failedSections = findings.stream().map(AssessmentResult.Finding::section).distinct().toList();
		int total = sections.stream().mapToInt((section) -> section.items().size()).sum();
		return new AssessmentResult(assessment.id(), assessment.startedAt(), assessment.completedAt(),
				assessment.answers().size(), total, assessment.answers(), failedSections, findings);
	}

	private static ParticipationEvent event(CurrentMember member, AssessmentResult result,
			List<ChecklistSection> sections) {
		Map<String, Boolean> failed = new LinkedHashMap<>();
		sections.forEach((section) -> failed.put(section.id(), result.failedSections().contains(section.id())));
		return new ParticipationEvent.ChecklistCompleted(member.memberId(), member.department(), member.location(),
				failed, member.zone().getId());
	}

}
