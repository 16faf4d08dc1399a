package org.partneratlas.graph;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartialDateTests {

	@Test
	void yearMeansTheWholeYear() {
		PartialDate date = PartialDate.parse("2025").orElseThrow();
		assertThat(date.earliest()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(date.latest()).isEqualTo(LocalDate.of(2025, 12, 31));
	}

	@Test
	void monthMeansTheWholeMonthLeapYearsIncluded() {
		PartialDate date = PartialDate.parse("2024-02").orElseThrow();
		assertThat(date.earliest()).isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(date.latest()).isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void dayMeansThatDay() {
		PartialDate date = PartialDate.parse("2025-05-07").orElseThrow();
		assertThat(date.earliest()).isEqualTo(date.latest()).isEqualTo(LocalDate.of(2025, 5, 7));
	}

	@Test
	void rejectsOtherFormsAndImpossibleDates() {
		assertThat(PartialDate.parse("May 2025")).isEmpty();
		assertThat(PartialDate.parse("2025-13")).isEmpty();
		assertThat(PartialDate.parse("2025-02-30")).isEmpty();
		assertThat(PartialDate.parse("25")).isEmpty();
		assertThat(PartialDate.parse("2025-5-7")).isEmpty();
	}

}
