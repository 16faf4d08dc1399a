package org.partneratlas.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** The curated data has problems; nothing was written. The message lists every problem, one a line. */
public class SeedRejectedException extends RuntimeException {

	private final List<SeedProblem> problems;

	public SeedRejectedException(List<SeedProblem> problems) {
		super(problems.size() + " problem(s) in the seed data; nothing was written:\n"
				+ problems.stream().map((p) -> "  " + p).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<SeedProblem> problems() {
		return this.problems;
	}

}
