package dev.limber.reporting.participation;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each suppression rule on its own, with k = 5. */
class SuppressionTests {

	static final int K = 5;

	@Test
	void cellsBelowKAreSuppressedWithoutNumbers() {
		Suppression.Result result = Suppression.apply(cell(null, 30, 40), List.of(cell("A", 26, 30), cell("B", 4, 10)), K);
		Cell small = result.groups().get(1);
		assertThat(small.suppressed()).isTrue();
		assertThat(small.participants()).isNull();
		assertThat(small.eligible()).isNull();
		assertThat(small.sessions()).isNull();
	}

	@Test
	void aLoneSuppressedCellPullsASiblingWithIt() {
		Suppression.Result result = Suppression.apply(cell(null, 30, 40), List.of(cell("A", 20, 25), cell("B", 6, 10),
				cell("C", 4, 5)), K);
		assertThat(result.groups()).extracting(Cell::suppressed).containsExactly(false, true, true);
		assertThat(result.total().suppressed()).isFalse();
	}

	@Test
	void hiddenCellsTogetherHoldAtLeastK() {
		Suppression.Result result = Suppression.apply(cell(null, 40, 50),
				List.of(cell("A", 30, 35), cell("B", 2, 5), cell("C", 1, 5), cell("D", 7, 5)), K);
		long hidden = result.groups().stream().filter(Cell::suppressed).mapToLong(Cell::rawParticipants).sum();
		assertThat(hidden).isGreaterThanOrEqualTo(K);
		assertThat(result.groups().get(0).suppressed()).isFalse();
	}

	@Test
	void smallGroupsStayHiddenAndATotalBelowKIsHiddenToo() {
		Suppression.Result result = Suppression.apply(cell(null, 9, 12), List.of(cell("A", 6, 8), cell("B", 3, 4)), K);
		assertThat(result.groups()).allMatch(Cell::suppressed);
		assertThat(result.total().suppressed()).isFalse();
		Suppression.Result tiny = Suppression.apply(cell(null, 4, 12), List.of(cell("A", 3, 8), cell("B", 1, 4)), K);
		assertThat(tiny.total().suppressed()).isTrue();
	}

	@Test
	void nothingIsHiddenWhenEveryCellIsLargeEnough() {
		Suppression.Result result = Suppression.apply(cell(null, 20, 20), List.of(cell("A", 10, 10), cell("B", 10, 10)), K);
		assertThat(result.groups()).noneMatch(Cell::suppressed);
	}

	private static Cell cell(String group, long participants, long eligible) {
		return Cell.of(group, Set.of(String.valueOf(group)), participants, eligible, participants * 2, participants * 600);
	}

}
