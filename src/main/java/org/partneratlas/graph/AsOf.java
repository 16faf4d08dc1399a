package org.partneratlas.graph;

import java.time.LocalDate;

/**
 * The date a connectivity question is asked at. A tie counts at a date when its data shows it had certainly started
 * ({@code startTo <= date}) and had not certainly ended ({@code endFrom > date}); a tie without dates counts at every
 * date, since the curated data dates only what its sources date.
 */
public final class AsOf {

	private AsOf() {
	}

	/** The day an {@code asOf} argument means (its first day, for {@code 2024} or {@code 2024-03}), or null. */
	public static LocalDate parse(String asOf) {
		if (asOf == null) {
			return null;
		}
		return PartialDate.parse(asOf.strip())
			.map(PartialDate::earliest)
			.orElseThrow(() -> new BadRequestException(
					"'asOf' must be a date: YYYY-MM-DD (or YYYY-MM, YYYY for their first day), not '" + asOf + "'"));
	}

}
