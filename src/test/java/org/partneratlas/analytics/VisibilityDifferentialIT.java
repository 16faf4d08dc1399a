package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.partneratlas.graph.ActorFilter;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Differential;

/**
 * Centrality and brokerage, for generated callers on generated marked graphs, score exactly as on the graph the
 * caller may see; communities cover exactly the actors tied there.
 */
class VisibilityDifferentialIT {

	@TestFactory
	Stream<DynamicTest> analyticsAnswerAsOnTheVisibleGraph() {
		return Differential.check("analytics", new long[] { 201, 202, 203 }, 8, VisibilityDifferentialIT::answers);
	}

	static List<String> answers(GraphReads reads, Visibility caller) {
		AnalyticsController controller = new AnalyticsController(new AnalyticsQueries(reads), reads, new org.partneratlas.graph.ExpensiveWork(0, java.time.Duration.ofSeconds(2)));
		List<String> answers = new ArrayList<>();
		for (AnalyticsController.Measure measure : AnalyticsController.Measure.values()) {
			answers.add(scores(controller.centrality(measure, null, null, null, 100, caller)));
		}
		ActorFilter first = new ActorFilter(null, List.of("org:a0", "org:a1", "org:a2", "org:a3"), null, null, null, null);
		ActorFilter second = new ActorFilter(null, List.of("org:a20", "org:a21", "org:a22", "org:a23"), null, null,
				null, null);
		answers.add(scores(controller.brokers(first, second, null, null, null, 100, caller)));
		answers.add(controller.communities(null, null, null, 1, caller)
			.communities()
			.stream()
			.flatMap((c) -> c.members().stream())
			.map((e) -> e.id())
			.sorted()
			.toList()
			.toString());
		return answers;
	}

	static String scores(List<AnalyticsController.Score> scores) {
		return scores.stream()
			.map((s) -> s.node().id() + "=" + String.format(Locale.ROOT, "%.6f", s.score()))
			.sorted()
			.toList()
			.toString();
	}

}
