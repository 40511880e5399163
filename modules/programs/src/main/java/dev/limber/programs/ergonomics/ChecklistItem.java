package dev.limber.programs.ergonomics;

import java.util.List;

/**
 * One question of the workstation checklist; "yes" passes.
 *
 * @param own added by the organization rather than part of the default checklist
 */
public record ChecklistItem(String id, String section, String question, String fix, List<String> exercises,
		boolean own) {
}
