package dev.limber.reporting.participation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell and complementary suppression for one period of a report.
 * <ol>
 * <li>A cell whose participants or eligible headcount is below k is suppressed.</li>
 * <li>While the total is shown, the suppressed cells together must hold at least k
 * participants and k eligible people, and there must be more than one of them; otherwise
 * the smallest shown cell is suppressed too, so no cell can be recovered by subtracting the
 * shown cells from the total.</li>
 * <li>When that cannot be reached, the total is suppressed as well.</li>
 * </ol>
 */
final class Suppression {

	private Suppression() {
	}

	record Result(Cell total, List<Cell> groups) {
	}

	static Result apply(Cell total, List<Cell> groups, int k) {
		List<Cell> cells = new ArrayList<>();
		for (Cell cell : groups) {
			cells.add(tooSmall(cell, k) ? cell.suppress() : cell);
		}
		Cell shownTotal = tooSmall(total, k) ? total.suppress() : total;
		if (!shownTotal.suppressed()) {
			while (exposed(cells, k)) {
				int smallest = smallestShown(cells);
				if (smallest < 0) {
					shownTotal = total.suppress();
					break;
				}
				cells.set(smallest, cells.get(smallest).suppress());
			}
		}
		return new Result(shownTotal, cells);
	}

	private static boolean tooSmall(Cell cell, int k) {
		return cell.rawParticipants() < k || cell.rawEligible() < k;
	}

	/** Whether the suppressed cells could be learned from the total minus the shown cells. */
	private static boolean exposed(List<Cell> cells, int k) {
		List<Cell> hidden = cells.stream().filter(Cell::suppressed).toList();
		if (hidden.isEmpty()) {
			return false;
		}
		long participants = hidden.stream().mapToLong(Cell::rawParticipants).sum();
		long eligible = hidden.stream().mapToLong(Cell::rawEligible).sum();
		return hidden.size() == 1 || participants < k || eligible < k;
	}

	private static int smallestShown(List<Cell> cells) {
		int smallest = -1;
		Comparator<Cell> size = Comparator.comparingLong(Cell::rawParticipants).thenComparingLong(Cell::rawEligible);
		for (int i = 0; i < cells.size(); i++) {
			Cell cell = cells.get(i);
			if (!cell.suppressed() && (smallest < 0 || size.compare(cell, cells.get(smallest)) < 0)) {
				smallest = i;
			}
		}
		return smallest;
	}

}
