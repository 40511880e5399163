package dev.limber.reporting.release;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.limber.reporting.release.CellPartition.Atom;

import static org.assertj.core.api.Assertions.assertThat;

class CellPartitionTests {

	@Test
	void everyCellHasAtLeastKPeopleAndDepartmentsStayWhole() {
		Map<Atom, Integer> headcounts = new HashMap<>();
		headcounts.put(new Atom("Sales", "Berlin"), 30);
		headcounts.put(new Atom("Sales", "Munich"), 12);
		headcounts.put(new Atom("Sales", "Paris"), 1);
		headcounts.put(new Atom("People", "Berlin"), 4);
		headcounts.put(new Atom("People", "Munich"), 1);
		headcounts.put(new Atom("Legal", "Berlin"), 3);
		headcounts.put(new Atom("", ""), 1);
		Map<Atom, Integer> cells = CellPartition.of(headcounts, 5);
		Map<Integer, Integer> sizes = new HashMap<>();
		cells.forEach((atom, cell) -> sizes.merge(cell, headcounts.get(atom), Integer::sum));
		assertThat(sizes.values()).allMatch((size) -> size >= 5);
		// Paris (1) joins Munich, the smallest Sales cell; Berlin stays its own
		assertThat(cells.get(new Atom("Sales", "Paris"))).isEqualTo(cells.get(new Atom("Sales", "Munich")));
		assertThat(cells.get(new Atom("Sales", "Berlin"))).isNotEqualTo(cells.get(new Atom("Sales", "Munich")));
		// People (5) is one cell; Legal (3) and the person without a department pool into
		// "other departments", which is still below k and joins the smallest cell
		assertThat(cells.get(new Atom("People", "Berlin"))).isEqualTo(cells.get(new Atom("People", "Munich")));
		assertThat(cells.get(new Atom("Legal", "Berlin"))).isEqualTo(cells.get(new Atom("", "")));
		assertThat(CellPartition.of(new HashMap<>(headcounts), 5)).isEqualTo(cells);
	}

}
