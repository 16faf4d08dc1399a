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
 * <p>
 * One {@link AnalyticsCache} serves every caller on every graph, and each question is asked twice (the second answer
 * from the cache), so this also proves that the cache never hands one caller's answer to a caller with other grants
 * (the callers are drawn with every clearance, organisation and recipient group in turn) and that reloading a graph
 * (a raw write the service did not make) invalidates it: the "seen" graphs are answered for the same anonymous
 * caller one after another, each must get its own graph's answer.
 */
class VisibilityDifferentialIT {

	static final AnalyticsCache CACHE = Graphs.cache();

	@TestFactory
	Stream<DynamicTest> analyticsAnswerAsOnTheVisibleGraph() {
		return Differential.check("analytics", new long[] { 201, 202, 203 }, 8, VisibilityDifferentialIT::answers);
	}

	static List<String> answers(GraphReads reads, Visibility caller) {
		List<String> first = answersOnce(reads, caller);
		List<String> again = answersOnce(reads, caller);
		List<String> both = new ArrayList<>(first);
		both.addAll(again);
		return both;
	}

	static List<String> answersOnce(GraphReads reads, Visibility caller) {
		AnalyticsController controller = new AnalyticsController(new AnalyticsQueries(reads), reads, CACHE, Graphs.WORK, Long.MAX_VALUE, Long.MAX_VALUE - 1);
		List<String> answers = new ArrayList<>();
		// a projection budget that some callers' visible projections fit and others' do not: the refusal must be
		// decided by visible ties alone, so it must fall the same way on the graph the caller sees (no cache: a
		// refusal is not kept)
		AnalyticsController budgeted = new AnalyticsController(new AnalyticsQueries(reads), reads, Graphs.cache(),
				Graphs.WORK, Long.MAX_VALUE, 40);
		try {
			answers.add(scores(budgeted.centrality(AnalyticsController.Measure.DEGREE, null, null, null, 100, null, null,
					caller)));
		}
		catch (org.partneratlas.graph.BadRequestException refused) {
			answers.add("refused: " + refused.getMessage());
		}
		for (AnalyticsController.Measure measure : AnalyticsController.Measure.values()) {
			answers.add(scores(controller.centrality(measure, null, null, null, 100, null, null, caller)));
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
