package dev.limber.reporting.participation;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Populations as sets of department × location atoms, weighted by their eligible people. */
class PopulationTests {

	static final String RETAIL_SEATTLE = Population.atom("Retail", "Seattle");

	static final String RETAIL_BERLIN = Population.atom("Retail", "Berlin");

	static final String OPS_BERLIN = Population.atom("Ops", "Berlin");

	final Population population = new Population(Map.of(RETAIL_SEATTLE, 7L, RETAIL_BERLIN, 3L, OPS_BERLIN, 12L));

	@Test
	void theDifferenceCountsThePeopleOnEitherSideOnly() {
		assertThat(this.population.sizeOfDifference(Set.of(RETAIL_SEATTLE, RETAIL_BERLIN), Set.of(RETAIL_BERLIN, OPS_BERLIN)))
			.isEqualTo(7 + 12);
		assertThat(this.population.sizeOfDifference(Set.of(RETAIL_SEATTLE, RETAIL_BERLIN), Set.of(RETAIL_SEATTLE)))
			.isEqualTo(3);
		assertThat(this.population.sizeOfDifference(Set.of(OPS_BERLIN), Set.of(OPS_BERLIN))).isZero();
	}

	@Test
	void anAtomWithNoEligiblePeopleAddsNothing() {
		String gone = Population.atom("Legal", "Paris");
		assertThat(this.population.sizeOfDifference(Set.of(gone, OPS_BERLIN), Set.of(OPS_BERLIN))).isZero();
	}

	@Test
	void groupsAreCutByEitherPartOfTheAtom() {
		Set<String> all = this.population.matching(null, null);
		assertThat(this.population.within(all, "department", "Retail")).containsExactlyInAnyOrder(RETAIL_SEATTLE,
				RETAIL_BERLIN);
		assertThat(this.population.within(all, "location", "Berlin")).containsExactlyInAnyOrder(RETAIL_BERLIN, OPS_BERLIN);
		assertThat(this.population.within(all, "location", "Tokyo")).containsExactly(Population.atom("?", "Tokyo"));
	}

}
