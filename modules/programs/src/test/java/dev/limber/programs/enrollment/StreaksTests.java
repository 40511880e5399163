package dev.limber.programs.enrollment;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreaksTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	@Test
	void countsConsecutiveDaysEndingToday() {
		assertThat(Streaks.current(List.of(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(4)), TODAY))
			.isEqualTo(3);
	}

	@Test
	void aStreakEndingYesterdayIsStillAlive() {
		assertThat(Streaks.current(List.of(TODAY.minusDays(1), TODAY.minusDays(2)), TODAY)).isEqualTo(2);
	}

	@Test
	void aMissedDayEndsTheStreak() {
		assertThat(Streaks.current(List.of(TODAY.minusDays(2), TODAY.minusDays(3)), TODAY)).isZero();
		assertThat(Streaks.current(List.of(), TODAY)).isZero();
	}

}
