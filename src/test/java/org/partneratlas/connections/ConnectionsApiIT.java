package org.partneratlas.connections;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;


import static org.assertj.core.api.Assertions.assertThat;

/** Direct ties and neighbourhoods over HTTP, on the curated graph, as an anonymous caller. */
class ConnectionsApiIT extends AtlasIT {

	@Test
	void connectionsNameTheInstrumentsThatTieTheEuToIndia() {
		DocumentContext answer = this.graphQl.post("""
				{ connections(a: "union:eu", b: "country:IN") {
				    a { id } b { id }
				    through { via { id __typename } edgeA { type role from to } edgeB { type role from to } } } }""");
		assertThat(answer.read("$.data.connections.through[*].via.id", List.class)).contains("instrument:eu-in-ttc",
				"instrument:eu-in-cyber-dialogue", "instrument:eu-in-fta");
		assertThat(answer.read("$.data.connections.through[?(@.via.id == 'instrument:eu-in-ttc')].edgeA.from",
				List.class))
			.containsExactly("union:eu");
		assertThat(answer.read("$.data.connections.through[?(@.via.id == 'instrument:eu-in-ttc')].edgeB.role",
				List.class))
			.containsExactly("partner");
	}

	@Test
	void connectionsWithAHiddenOrMissingEndIsNull() {
		DocumentContext hidden = this.graphQl.post("{ connections(a: \"org:ecso\", b: \"community:creis-csc\") { a { id } } }");
		assertThat(hidden.read("$.data.connections", Object.class)).isNull();
		DocumentContext missing = this.graphQl.post("{ connections(a: \"org:ecso\", b: \"org:nope\") { a { id } } }");
		assertThat(missing.read("$.data.connections", Object.class)).isNull();
	}

	@Test
	void neighbourhoodIsAGraphWhoseEdgesJoinItsNodes() {
		DocumentContext answer = this.graphQl.post("""
				{ neighbourhood(id: "country:IN", depth: 2, limit: 25) {
				    centre { id } nodes { id label } edges { id type from to } truncated omittedNodes omittedNodesExact
				    omittedEdges } }""");
		List<String> ids = answer.read("$.data.neighbourhood.nodes[*].id", List.class);
		assertThat(ids).hasSize(25).doesNotHaveDuplicates().startsWith("country:IN");
		assertThat(answer.read("$.data.neighbourhood.truncated", Boolean.class)).isTrue();
		assertThat(answer.read("$.data.neighbourhood.omittedNodes", Integer.class)).isPositive();
		// the curated graph is far below the walk's work bound (2000 nodes a level): the count is exact
		assertThat(answer.read("$.data.neighbourhood.omittedNodesExact", Boolean.class)).isTrue();
		Set<String> nodes = new HashSet<>(ids);
		List<String> from = answer.read("$.data.neighbourhood.edges[*].from", List.class);
		List<String> to = answer.read("$.data.neighbourhood.edges[*].to", List.class);
		assertThat(from).isNotEmpty().allMatch(nodes::contains);
		assertThat(to).allMatch(nodes::contains);
	}

	@Test
	void aPathSearchWithinItsBudgetIsNotCutAndNoPathMeansNoPath() {
		DocumentContext found = this.graphQl.post("""
				{ paths(from: "org:ecso", to: "country:IN", k: 3, maxHops: 4) { found cut message paths { length } } }""");
		assertThat(found.read("$.data.paths.found", Boolean.class)).isTrue();
		assertThat(found.read("$.data.paths.cut", Boolean.class)).isFalse();
		assertThat(found.read("$.data.paths.message", Object.class)).isNull();
		DocumentContext none = this.graphQl.post("""
				{ paths(from: "org:ecso", to: "country:IN", maxHops: 1) { found cut message } }""");
		assertThat(none.read("$.data.paths.found", Boolean.class)).isFalse();
		assertThat(none.read("$.data.paths.cut", Boolean.class)).isFalse();
		assertThat(none.read("$.data.paths.message", String.class)).startsWith("No path of at most 1 relationships");
	}

	@Test
	void neighbourhoodAtDepthOneIsExactlyTheDirectlyTiedNodes() {
		DocumentContext profile = this.graphQl.post("{ profile(id: \"cable:bella\") { ties { other { id } } } }");
		DocumentContext answer = this.graphQl.post("""
				{ neighbourhood(id: "cable:bella", depth: 1, limit: 500) { nodes { id } omittedNodes } }""");
		List<String> tied = profile.read("$.data.profile.ties[*].other.id", List.class);
		List<String> nodes = answer.read("$.data.neighbourhood.nodes[*].id", List.class);
		assertThat(nodes.subList(1, nodes.size())).containsExactlyInAnyOrderElementsOf(new HashSet<>(tied));
		assertThat(answer.read("$.data.neighbourhood.omittedNodes", Integer.class)).isZero();
	}

	@Test
	void neighbourhoodWalksOnlyTheLabelsAsked() {
		DocumentContext answer = this.graphQl.post("""
				{ neighbourhood(id: "country:IN", depth: 2, labels: [INSTRUMENT, UNION], limit: 500) { nodes { id label } } }""");
		List<String> labels = answer.read("$.data.neighbourhood.nodes[*].label", List.class);
		assertThat(labels.subList(1, labels.size())).contains("INSTRUMENT", "UNION").containsOnly("INSTRUMENT", "UNION");
	}

	@Test
	void neighbourhoodNeverShowsHiddenNodes() {
		DocumentContext answer = this.graphQl.post("""
				{ neighbourhood(id: "org:ecso", depth: 3, limit: 500) { nodes { id tlp } edges { tlp } } }""");
		assertThat(answer.read("$.data.neighbourhood.nodes[*].tlp", List.class)).containsOnly("CLEAR");
		assertThat(answer.read("$.data.neighbourhood.edges[*].tlp", List.class)).containsOnly("CLEAR");
	}

	@Test
	void rejectsDepthBeyondThree() {
		DocumentContext answer = this.graphQl.post("{ neighbourhood(id: \"country:IN\", depth: 4) { nodes { id } } }");
		assertThat(answer.read("$.errors[0].message", String.class)).isEqualTo("'depth' must be between 1 and 3, not 4");
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
	}

}
