package org.partneratlas.graph;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as precise as the source gives it: {@code 2025}, {@code 2025-03} or {@code 2025-05-07}. The graph stores
 * the text and the first and last day it may mean ({@code xFrom}, {@code xTo}), so that an as-of filter can use plain
 * date comparisons.
 *
 * @param text the date as written
 * @param earliest the first day the text may mean
 * @param latest the last day the text may mean
 */
public record PartialDate(String text, LocalDate earliest, LocalDate latest) {

	private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

	/** Parses a partial date; empty when the text is not one of the three forms or not a real date. */
	public static Optional<PartialDate> parse(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			int year = Integer.parseInt(m.group(1));
			if (m.group(2) == null) {
				return Optional.of(new PartialDate(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
			}
			YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
			if (m.group(3) == null) {
				return Optional.of(new PartialDate(text, month.atDay(1), month.atEndOfMonth()));
			}
			LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
			return Optional.of(new PartialDate(text, day, day));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
