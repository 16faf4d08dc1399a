package org.partneratlas.access;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.GraphReads;
import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request beyond its budget: sizes are range-checked before they are priced (a 2^30 limit used to turn the cost
 * negative), questions that start graph work cost that work, at most a few such questions a request and the same one
 * worked out once, root {@code __typename} costs 1; every request has a deadline after which it is answered 408 with
 * a TIMEOUT error; and nothing answers a data question before the service is ready.
 */
class RequestBudgetIT extends AtlasIT {

	@Autowired
	GraphReads reads;

	@Autowired
	ApplicationContext context;

	@Test
	void aSizeOutOfRangeIsRefusedBeforeItIsPriced() {
		long before = this.reads.statementCount();
		DocumentContext answer = this.graphQl.post("{ a: neighbourhood(id: \"union:eu\", depth: 3, limit: 1073741824) "
				+ "{ nodes { id sources { source { name } } } } }");
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(answer.read("$.errors[0].message", String.class))
			.isEqualTo("'limit' must be between 1 and 500, not 1073741824");
		assertThat(answer.read("$.errors[0].path", List.class)).containsExactly("a");
		assertThat(answer.read("$", Map.class)).doesNotContainKey("data");
		// through a variable too, and on a nested selection's first argument
		DocumentContext variable = this.graphQl.post(
				"query ($n: Int!) { actors(first: $n) { nodes { id } } }", "n", Integer.MAX_VALUE);
		assertThat(variable.read("$.errors[0].message", String.class)).contains("'first' must be between 1 and 100");
		assertThat(this.reads.statementCount()).isEqualTo(before);
	}

	@Test
	void rootTypenameCostsOneAndTheCostIsReported() {
		assertThat(cost("{ __typename }")).isEqualTo(1);
		assertThat(cost("{ a: __typename b: __typename c: __typename }")).isEqualTo(3);
	}

	@Test
	void analyticsAndPathsArePricedByTheirWork() {
		// priced by what they ask, not by what they find: an empty projection (1900) and a missing end cost the same
		int degree = cost("{ centrality(measure: DEGREE, top: 1, asOf: \"1900\") { rank } }");
		int betweenness = cost("{ centrality(measure: BETWEENNESS, top: 1, asOf: \"1900\") { rank } }");
		int communities = cost("{ communities(asOf: \"1900\") { modularity } }");
		int shortPaths = cost("{ paths(from: \"union:eu\", to: \"country:ZZ\", k: 1, maxHops: 1) { found } }");
		int longPaths = cost("{ paths(from: \"union:eu\", to: \"country:ZZ\", k: 10, maxHops: 6) { found } }");
		int scalar = cost("{ node(id: \"union:eu\") { id } }");
		assertThat(degree).isGreaterThan(100 * scalar);
		assertThat(betweenness).isGreaterThan(degree);
		assertThat(communities).isGreaterThan(100 * scalar);
		assertThat(longPaths).isGreaterThanOrEqualTo(50 * shortPaths);
	}

	@Test
	void atMostAFewDistinctExpensiveQuestionsARequest() {
		StringBuilder query = new StringBuilder("{");
		for (int year = 2015; year < 2021; year++) {
			query.append(" y").append(year).append(": centrality(measure: BETWEENNESS, asOf: \"").append(year)
				.append("\") { rank }");
		}
		long before = this.reads.statementCount();
		DocumentContext answer = this.graphQl.post(query.append(" }").toString());
		assertThat(answer.read("$.errors[0].message", String.class)).contains("at most 5 distinct questions");
		assertThat(this.reads.statementCount()).isEqualTo(before);
		StringBuilder communities = new StringBuilder("{");
		for (int i = 0; i < 2197; i++) {
			communities.append(" c").append(i).append(": communities(minSize: ").append(i + 1).append(") { modularity }");
		}
		HttpResponse<String> flood = this.graphQl.raw(communities.append(" }").toString());
		assertThat(flood.statusCode()).isIn(200, 413);
		assertThat(flood.body()).doesNotContain("\"modularity\"");
	}

	@Test
	void theSameQuestionAskedManyTimesIsWorkedOutOnce() {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < 40; i++) {
			query.append(" c").append(i).append(": centrality(measure: BETWEENNESS, top: 3) { rank node { id } }");
		}
		query.append(" }");
		long before = this.reads.statementCount();
		HttpResponse<String> response = this.graphQl.raw(query.toString());
		long statements = this.reads.statementCount() - before;
		DocumentContext answer = JsonPath.parse(response.body());
		assertThat(answer.read("$", Map.class)).doesNotContainKey("errors");
		List<Object> first = answer.read("$.data.c0");
		assertThat(first).hasSize(3);
		assertThat((List<Object>) answer.read("$.data.c39")).isEqualTo(first);
		// one projection for all 40, then each alias reads its 3 nodes: 41, where 80 would be each worked out apart
		assertThat(statements).isLessThanOrEqualTo(41);
		assertThat(Integer.parseInt(response.headers().firstValue("X-Request-Cost").orElseThrow()))
			.isLessThan(2_000 + 40 * 20);
	}

	@Test
	void aRequestPastItsDeadlineIsAnswered408WithATimeoutError() {
		HttpResponse<String> response = this.graphQl.withHeader("X-Request-Timeout-Ms", "1")
			.raw("{ a: centrality(measure: BETWEENNESS) { rank } b: communities { modularity } "
					+ "c: paths(from: \"country:JP\", to: \"country:BR\", k: 10, maxHops: 6) { found } }");
		assertThat(response.statusCode()).isEqualTo(408);
		DocumentContext answer = JsonPath.parse(response.body());
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("TIMEOUT");
		assertThat(answer.read("$.errors[0].message", String.class)).contains("took longer than the 1 ms");
		// the same request with the service's own deadline answers
		HttpResponse<String> inTime = this.graphQl
			.raw("{ a: centrality(measure: BETWEENNESS, top: 1) { rank } b: communities { modularity } }");
		assertThat(inTime.statusCode()).isEqualTo(200);
		assertThat(inTime.body()).doesNotContain("TIMEOUT");
	}

	@Test
	void nothingAnswersADataQuestionBeforeTheServiceIsReady() {
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			long before = this.reads.statementCount();
			HttpResponse<String> response = this.graphQl.raw("{ node(id: \"union:eu\") { name } }");
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).isPresent();
			DocumentContext answer = JsonPath.parse(response.body());
			assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("UNAVAILABLE");
			assertThat(response.body()).doesNotContain("European Union");
			assertThat(this.reads.statementCount()).isEqualTo(before);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(this.graphQl.post("{ node(id: \"union:eu\") { name } }").read("$.data.node.name", String.class))
			.isEqualTo("European Union");
	}

	/** What the request cost, as the response says in its {@code X-Request-Cost} header. */
	private int cost(String query) {
		HttpResponse<String> response = this.graphQl.raw(query);
		assertThat(response.body()).as(query).doesNotContain("\"errors\"");
		return Integer.parseInt(response.headers().firstValue("X-Request-Cost").orElseThrow());
	}

}
