package dev.limber.reporting.release;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShownTests {

	@Test
	void aCountIsExactOnlyWithAtLeastKOnEachSide() {
		assertThat(Shown.count(0, 20, 5)).isEqualTo(new Shown(null, 0L, 4L));
		assertThat(Shown.count(4, 20, 5)).isEqualTo(new Shown(null, 0L, 4L));
		assertThat(Shown.count(5, 20, 5)).isEqualTo(new Shown(5L, null, null));
		assertThat(Shown.count(15, 20, 5)).isEqualTo(new Shown(15L, null, null));
		assertThat(Shown.count(16, 20, 5)).isEqualTo(new Shown(null, 16L, 20L));
		assertThat(Shown.count(20, 20, 5)).isEqualTo(new Shown(null, 16L, 20L));
		assertThat(Shown.count(3, 3, 5)).isEqualTo(new Shown(null, 0L, 3L));
	}

	@Test
	void aSumIsShownOnlyWhenKContributedAndUnionsOfRangesStayRanges() {
		assertThat(Shown.sum(40, 4, 5)).isEqualTo(new Shown(null, 0L, null));
		assertThat(Shown.sum(40, 5, 5)).isEqualTo(new Shown(40L, null, null));
		assertThat(Shown.count(6, 20, 5).plus(Shown.count(2, 20, 5))).isEqualTo(new Shown(null, 6L, 10L));
		assertThat(Shown.sum(40, 5, 5).plus(Shown.sum(3, 1, 5))).isEqualTo(new Shown(null, 40L, null));
		assertThat(Shown.count(6, 20, 5).plus(Shown.count(7, 20, 5))).isEqualTo(new Shown(13L, null, null));
	}

}
