package org.partneratlas.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Label;
import org.partneratlas.support.AtlasIT;
import org.partneratlas.support.GraphQl;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics cache through the API, on the curated graph: aliases and repeats cost one computation, and a cached
 * answer never reaches a caller with other grants, whichever of them asked first.
 */
class AnalyticsCacheApiIT extends AtlasIT {

	/** Every actor label spelled out: the same projection as none, but another question for the cache. */
	static final String ALL_LABELS = Label.actors().stream().map(Label::name).collect(Collectors.joining(", ", "[", "]"));

	@Autowired
	AnalyticsCache cache;

	@Test
	void fiveHundredAliasesOfOneQuestionCostOneComputationAndARepeatNone() {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < 500; i++) {
			query.append(" a").append(i).append(": centrality(measure: PAGERANK, asOf: \"2017-03-14\", top: 3) { rank score node { id } }");
		}
		query.append(" }");
		long before = this.cache.computations();
		DocumentContext answer = this.graphQl.post(query.toString());
		assertThat(answer.read("$", Map.class)).as(answer.jsonString()).doesNotContainKey("errors");
		Object first = answer.read("$.data.a0");
		assertThat((List<?>) first).isNotEmpty();
		for (int i = 1; i < 500; i++) {
			assertThat((Object) answer.read("$.data.a" + i)).isEqualTo(first);
		}
		assertThat(this.cache.computations() - before).isEqualTo(1);
		DocumentContext again = this.graphQl.post(query.toString());
		assertThat((Object) again.read("$.data.a499")).isEqualTo(first);
		assertThat(this.cache.computations() - before).as("asked again: answered from the cache").isEqualTo(1);
	}

	/**
	 * Callers from the highest grants to the lowest ask one question, then the lowest to the highest another; each
	 * answer must equal the one the same caller gets for a question nobody asked before (the same projection spelled
	 * differently, so computed afresh for them), and the callers' answers must differ (else the test proves nothing).
	 */
	@Test
	void aCachedAnswerNeverReachesACallerWithOtherGrants() {
		List<GraphQl> callers = List.of(this.graphQl.as("test-red-cleared"), this.graphQl.as("test-csc-cleared"),
				this.graphQl.as("test-editor-ecso"), this.graphQl.as("test-amber"), this.graphQl.as("test-csc-member"),
				this.graphQl.as("test-green"), this.graphQl);
		for (String question : List.of("centrality(measure: DEGREE, top: 100%s) { score node { id } }",
				"communities(minSize: 1%s) { modularity communities { members { id } } }")) {
			for (boolean highestFirst : List.of(true, false)) {
				String asOf = highestFirst ? "" : ", asOf: \"2026-11-01\"";
				List<GraphQl> order = new ArrayList<>(callers);
				if (!highestFirst) {
					java.util.Collections.reverse(order);
				}
				List<Object> cached = new ArrayList<>();
				for (GraphQl caller : order) {
					cached.add(ask(caller, String.format(question, asOf)));
				}
				for (int i = 0; i < order.size(); i++) {
					Object fresh = ask(order.get(i), String.format(question, asOf + ", labels: " + ALL_LABELS));
					assertThat(cached.get(i)).as("caller %d, %s", i, question).isEqualTo(fresh);
				}
				assertThat(cached.getFirst()).as("the highest and lowest grants see different graphs")
					.isNotEqualTo(cached.getLast());
			}
		}
	}

	private static Object ask(GraphQl caller, String field) {
		DocumentContext answer = caller.post("{ q: " + field + " }");
		assertThat(answer.read("$", Map.class)).as(answer.jsonString()).doesNotContainKey("errors");
		return answer.read("$.data.q");
	}

}
