package dev.limber.programs.ergonomics;

import java.util.List;

public record ChecklistSection(String id, String title, List<ChecklistItem> items) {

	ChecklistSection withItems(List<ChecklistItem> more) {
		List<ChecklistItem> all = new java.util.ArrayList<>(this.items);
		all.addAll(more);
		return new ChecklistSection(this.id, this.title, List.copyOf(all));
	}

}
