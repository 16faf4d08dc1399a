package org.partneratlas.graph;

import java.time.Duration;

/** A request ran out of time: its caller gets a {@code TIMEOUT} error (HTTP 408), and its work stops. */
public class DeadlineExceededException extends RuntimeException {

	private final Duration budget;

	public DeadlineExceededException(Duration budget) {
		super("The request took longer than the " + describe(budget) + " it may take and was stopped: ask for less, "
				+ "e.g. fewer hops or paths, a smaller depth or limit, fewer analytics in one request", null, false,
				false);
		this.budget = budget;
	}

	public Duration budget() {
		return this.budget;
	}

	static String describe(Duration budget) {
		return (budget.toMillis() % 1000 == 0) ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
	}

}
