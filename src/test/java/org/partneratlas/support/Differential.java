package org.partneratlas.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential proof of access control: for generated marked graphs and callers, every answer a caller gets
 * equals the answer anyone gets on the graph filtered, by the TLP policy itself, to what that caller may see.
 * {@code answers} gives a query module's answers (as canonical texts, one per question) over a read gateway for a
 * visibility; the same questions are asked in both worlds.
 */
public final class Differential {

	private Differential() {
	}

	public static Stream<DynamicTest> check(String module, long[] seeds, int callers,
			BiFunction<GraphReads, Visibility, List<String>> answers) {
		List<DynamicTest> tests = new ArrayList<>();
		for (long seed : seeds) {
			MarkedGraphs graphs = new MarkedGraphs(seed, 24, 20);
			List<Visibility> who = graphs.callers(callers);
			GraphReads marked = Fixtures.load(module + "-marked-" + seed, graphs::marked);
			List<List<String>> actual = new ArrayList<>();
			for (Visibility caller : who) {
				actual.add(answers.apply(marked, caller));
			}
			for (int c = 0; c < who.size(); c++) {
				Visibility caller = who.get(c);
				GraphReads seen = Fixtures.load(module + "-seen-" + seed + "-" + c, () -> graphs.seenBy(caller));
				List<String> expected = answers.apply(seen, Visibility.ANONYMOUS);
				List<String> got = actual.get(c);
				for (int q = 0; q < expected.size(); q++) {
					String wanted = expected.get(q);
					String answer = got.get(q);
					tests.add(DynamicTest.dynamicTest("graph " + seed + ", " + caller + ", question " + q,
							() -> assertThat(answer).isEqualTo(wanted)));
				}
			}
		}
		return tests.stream();
	}

}
