package org.partneratlas.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Side doors to hidden data, tried as a viewer who compares answers before and after an editor adds items the
 * viewer may not see: search scores and ranks, and listing cursors replayed by another caller or on another listing.
 */
class HiddenTracesIT extends AtlasIT {

	static final String SEARCH = "query ($t: String!) { search(text: $t, first: 50) { node { id } score } }";

	static final String CREATE = """
			mutation ($input: CreateNodeInput!) { createNode(input: $input) { node { id } } }""";

	private final List<String> made = new ArrayList<>();

	@AfterEach
	void removeWhatWasMade() {
		try (var session = TestNeo4j.driver().session()) {
			session.run("MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n", Map.of("ids", this.made)).consume();
			session.run("MATCH (e:AuditEvent) WHERE e.itemId IN $ids DELETE e", Map.of("ids", this.made)).consume();
		}
	}

	@Test
	void aViewersSearchScoresAndRanksIgnoreHiddenItems() {
		for (String text : List.of("european", "europ", "cyber", "partnership", "space agency")) {
			List<Map<String, Object>> before = this.graphQl.post(SEARCH, "t", text).read("$.data.search");
			List<Map<String, Object>> amberBefore = this.graphQl.as("test-amber").post(SEARCH, "t", text)
				.read("$.data.search");
			assertThat(before).as(text).isNotEmpty();
			for (int i = 0; i < 3; i++) {
				this.made.add(create("European Cyber Space Agency Partnership " + text + " " + i, "AMBER"));
			}
			List<Map<String, Object>> after = this.graphQl.post(SEARCH, "t", text).read("$.data.search");
			assertThat(after).as("a CLEAR viewer's scores and ranks for '%s' after three AMBER matches", text)
				.isEqualTo(before);
			// the AMBER caller sees the new items, and every score it saw before is unchanged
			List<Map<String, Object>> amberAfter = this.graphQl.as("test-amber").post(SEARCH, "t", text)
				.read("$.data.search");
			Map<Object, Object> was = scores(amberBefore);
			scores(amberAfter).forEach((id, score) -> {
				if (was.containsKey(id)) {
					assertThat(score).as(text + " " + id).isEqualTo(was.get(id));
				}
			});
		}
	}

	@Test
	void aCursorServesOnlyTheCallerAndListingItCameFrom() {
		String query = "query ($after: String, $kinds: [String!]) { actors(first: 2, after: $after, "
				+ "filter: {labels: [ORGANISATION], kinds: $kinds}) { edges { cursor node { id } } } }";
		DocumentContext admin = this.graphQl.as("test-red-cleared").post(query, "after", null, "kinds", null);
		String cursor = admin.read("$.data.actors.edges[1].cursor");
		assertThat(this.graphQl.as("test-red-cleared").post(query, "after", cursor, "kinds", null)
			.read("$", Map.class)).doesNotContainKey("errors");
		for (var client : List.of(this.graphQl, this.graphQl.as("test-green"), this.graphQl.as("test-csc-member"))) {
			DocumentContext replayed = client.post(query, "after", cursor, "kinds", null);
			assertThat(replayed.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
			assertThat(replayed.read("$.errors[0].message", String.class))
				.contains("belongs to another listing or another caller");
		}
		DocumentContext otherFilter = this.graphQl.as("test-red-cleared")
			.post(query, "after", cursor, "kinds", List.of("association"));
		assertThat(otherFilter.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		String instruments = "query ($after: String) { instruments(first: 2, after: $after) { edges { node { id } } } }";
		assertThat(this.graphQl.as("test-red-cleared")
			.post(instruments, "after", cursor)
			.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
	}

	private String create(String name, String tlp) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("label", "ORGANISATION");
		input.put("name", name);
		input.put("kind", "association");
		input.put("tlp", tlp);
		input.put("sources", List.of(Map.of("sourceId", "source:004", "locator", "2.1 Test")));
		DocumentContext answer = this.graphQl.as("test-editor-ecso").post(CREATE, "input", input);
		assertThat(answer.read("$", Map.class).get("errors")).as(answer.jsonString()).isNull();
		return answer.read("$.data.createNode.node.id");
	}

	private static Map<Object, Object> scores(List<Map<String, Object>> hits) {
		Map<Object, Object> scores = new LinkedHashMap<>();
		hits.forEach((hit) -> scores.put(((Map<?, ?>) hit.get("node")).get("id"), hit.get("score")));
		return scores;
	}

}
