package org.partneratlas.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.GraphReads;
import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests over the limits are refused with a reason, before any resolver runs or any statement is sent. */
class RequestLimitsIT extends AtlasIT {

	@Autowired
	GraphReads reads;

	@Test
	void refusesAQueryTooDeepWithoutTouchingTheDatabase() {
		String nested = "name";
		for (int i = 0; i < 8; i++) {
			nested = "sources { source { " + nested + " } }";
		}
		long before = this.reads.statementCount();
		DocumentContext answer = this.graphQl.post("{ node(id: \"union:eu\") { " + nested + " } }");
		assertThat(answer.read("$.errors[0].message", String.class)).contains("maximum query depth exceeded");
		assertThat(answer.read("$", java.util.Map.class)).doesNotContainKey("data");
		assertThat(this.reads.statementCount()).isEqualTo(before);
	}

	@Test
	void countsAliasesAndListSizesInTheCost() {
		String one = "actors(first: 100) { nodes { sources { source { name } } } }";
		assertThat(this.graphQl.post("{ " + one + " }").read("$", java.util.Map.class)).containsKey("data")
			.doesNotContainKey("errors");
		StringBuilder many = new StringBuilder("{");
		for (int i = 0; i < 50; i++) {
			many.append(" a").append(i).append(": ").append(one);
		}
		long before = this.reads.statementCount();
		DocumentContext answer = this.graphQl.post(many.append(" }").toString());
		assertThat(answer.read("$.errors[0].message", String.class)).contains("maximum query complexity exceeded");
		assertThat(this.reads.statementCount()).isEqualTo(before);
	}

	@Test
	void countsTypenameToo() {
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			names.append(" t").append(i).append(": __typename");
		}
		DocumentContext answer = this.graphQl.post("{ actors(first: 100) { nodes {" + names + " } } }");
		assertThat(answer.read("$.errors[0].message", String.class)).contains("maximum query complexity exceeded");
	}

	@Test
	void refusesABodyOverTheLimit() {
		String padding = " ".repeat(70 * 1024);
		HttpResponse<String> response = this.graphQl.raw("{ node(id: \"union:eu\") { id }" + padding + "}");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("over the limit of 65536 bytes").contains("\"classification\":\"BAD_REQUEST\"");
	}

	@Test
	void refusesABatchOfQueries() throws Exception {
		HttpRequest batch = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"[{\"query\":\"{ node(id: \\\"union:eu\\\") { id } }\"}, {\"query\":\"{ __typename }\"}]"))
			.build();
		long before = this.reads.statementCount();
		HttpResponse<String> response = HttpClient.newHttpClient().send(batch, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(response.body()).doesNotContain("European Union");
		assertThat(this.reads.statementCount()).isEqualTo(before);
	}

}
