package dev.limber.programs.ergonomics;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.limber.programs.catalog.Catalog;
import dev.limber.programs.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultChecklistTests {

	final List<ChecklistSection> sections = new DefaultChecklist().sections();

	final Catalog catalog = new CatalogLoader().load();

	@Test
	void coversEveryOshaAndHseSection() {
		assertThat(this.sections).extracting(ChecklistSection::id)
			.containsExactly("working-posture", "chair", "monitor", "keyboard-mouse", "desk-legroom",
					"lighting-environment", "breaks-movement", "habits");
	}

	@Test
	void habitsCarryTheSeedsLifestyleAdviceWithTheirSources() {
		DefaultChecklist checklist = new DefaultChecklist();
		ChecklistSection habits = this.sections.get(this.sections.size() - 1);
		assertThat(habits.items()).extracting(ChecklistItem::id)
			.containsExactly("heat-or-ice", "safe-lifting", "sleep-position", "healthy-weight", "hydration",
					"smoking-alcohol", "stress", "yoga-pilates");
		assertThat(habits.items())
			.allSatisfy((item) -> assertThat(checklist.source(item.id())).as(item.id()).isNotBlank());
		assertThat(checklist.source("monitor-height")).isNull();
	}

	@Test
	void includesTheSeedsWorkstationAdvice() {
		assertThat(this.sections.stream().flatMap((section) -> section.items().stream()).map(ChecklistItem::id))
			.contains("back-supported", "legs-uncrossed", "hourly-move", "sit-stand-stretch", "supportive-shoes");
	}

	@Test
	void everyItemHasAFixAndLinksExistingExercisesWhereOneHelps() {
		Set<String> noExerciseHelps = Set.of("no-glare", "lighting", "supportive-shoes");
		this.sections.stream().flatMap((section) -> section.items().stream()).forEach((item) -> {
			assertThat(item.fix()).as(item.id()).isNotBlank();
			if (!noExerciseHelps.contains(item.id())) {
				assertThat(item.exercises()).as(item.id()).isNotEmpty();
			}
			item.exercises().forEach((slug) -> assertThat(this.catalog.exercise(slug)).as(slug).isPresent());
		});
	}

}
