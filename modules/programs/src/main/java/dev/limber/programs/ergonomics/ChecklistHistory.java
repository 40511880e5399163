package dev.limber.programs.ergonomics;

import java.util.List;

/**
 * One page of a member's earlier checks, newest first.
 *
 * @param page this page, from 1
 * @param pages how many pages there are (at least 1)
 * @param open whether a check is in progress (the start button continues it)
 */
public record ChecklistHistory(List<AssessmentResult> checks, int page, int pages, boolean open) {

	static final int PAGE_SIZE = 10;

}
