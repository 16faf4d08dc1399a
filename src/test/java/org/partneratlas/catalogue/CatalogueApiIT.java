package org.partneratlas.catalogue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.partneratlas.graph.GraphReads;
import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue over HTTP, on the curated graph, as an anonymous caller (CLEAR only). */
class CatalogueApiIT extends AtlasIT {

	@Autowired
	GraphReads reads;

	@Test
	void nodeAnswersAnyLabelWithItsSources() {
		DocumentContext answer = this.graphQl.post("""
				query ($id: ID!) { node(id: $id) { __typename id name tlp
				  ... on Instrument { kind status }
				  sources { sourceId locator source { name file } } } }""", "id", "instrument:eu-in-ttc");
		assertThat(answer.read("$.data.node.__typename", String.class)).isEqualTo("Instrument");
		assertThat(answer.read("$.data.node.kind", String.class)).isEqualTo("trade-and-technology-council");
		assertThat(answer.read("$.data.node.tlp", String.class)).isEqualTo("CLEAR");
		assertThat(answer.read("$.data.node.sources[0].sourceId", String.class)).isEqualTo("source:004");
		assertThat(answer.read("$.data.node.sources[0].locator", String.class)).isNotBlank();
		assertThat(answer.read("$.data.node.sources[0].source.file", String.class))
			.isEqualTo("004_236d226b5033af34.txt");
	}

	@Test
	void countriesAreReferenceDataWithIsoCodes() {
		DocumentContext answer = this.graphQl.post("""
				{ node(id: "country:MN") { __typename name ... on Country { iso2 iso3 } } }""");
		assertThat(answer.read("$.data.node", Map.class)).containsEntry("__typename", "Country")
			.containsEntry("name", "Mongolia")
			.containsEntry("iso2", "MN")
			.containsEntry("iso3", "MNG");
	}

	@Test
	void hiddenNodeAnswersExactlyAsAMissingOne() {
		String query = "query ($id: ID!) { node(id: $id) { id name } }";
		HttpResponse<String> hidden = this.graphQl.raw(query, "id", "community:creis-csc");
		HttpResponse<String> missing = this.graphQl.raw(query, "id", "community:no-such-thing");
		assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(200);
		assertThat(hidden.body()).isEqualTo(missing.body()).isEqualTo("{\"data\":{\"node\":null}}");
	}

	@Test
	void nodesKeepsTheOrderAskedWithNullsForMissing() {
		DocumentContext answer = this.graphQl.post("""
				{ nodes(ids: ["agency:enisa", "nope:x", "union:eu"]) { id } }""");
		assertThat(answer.read("$.data.nodes", List.class)).hasSize(3);
		assertThat(answer.read("$.data.nodes[0].id", String.class)).isEqualTo("agency:enisa");
		assertThat(answer.read("$.data.nodes[1]", Object.class)).isNull();
		assertThat(answer.read("$.data.nodes[2].id", String.class)).isEqualTo("union:eu");
	}

	@Test
	void searchRanksAnExactAcronymFirstAndMatchesWordPrefixes() {
		DocumentContext byAcronym = this.graphQl.post("{ search(text: \"ENISA\") { node { id } score } }");
		assertThat(byAcronym.read("$.data.search[0].node.id", String.class)).isEqualTo("agency:enisa");
		DocumentContext byPrefix = this.graphQl.post("{ search(text: \"europ spac\") { node { id } } }");
		assertThat(byPrefix.read("$.data.search[*].node.id", List.class)).contains("agency:esa");
		DocumentContext byAlias = this.graphQl.post("{ search(text: \"South Korea\", labels: [COUNTRY]) { node { id } } }");
		assertThat(byAlias.read("$.data.search[0].node.id", String.class)).isEqualTo("country:KR");
	}

	@Test
	void searchNeverShowsWhatTheCallerMayNotSee() {
		DocumentContext answer = this.graphQl.post("{ search(text: \"CISO\", first: 50) { node { id tlp } } }");
		assertThat(answer.read("$.data.search[*].node.tlp", List.class)).containsOnly("CLEAR");
		assertThat(answer.read("$.data.search[*].node.id", List.class)).doesNotContain("community:creis-csc",
				"community:creis-cec", "community:creis-cov");
	}

	@Test
	void pagesThroughActorsForwardAndBackWithoutGapsOrRepeats() {
		String query = """
				query ($after: String, $before: String, $first: Int, $last: Int) {
				  actors(filter: {labels: [COUNTRY]}, first: $first, after: $after, last: $last, before: $before) {
				    totalCount
				    edges { cursor node { id name } }
				    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""";
		DocumentContext first = this.graphQl.post(query, "first", 100);
		assertThat(first.read("$.data.actors.totalCount", Integer.class)).isGreaterThanOrEqualTo(249);
		assertThat(first.read("$.data.actors.pageInfo.hasNextPage", Boolean.class)).isTrue();
		assertThat(first.read("$.data.actors.pageInfo.hasPreviousPage", Boolean.class)).isFalse();
		List<String> seen = new ArrayList<>(first.read("$.data.actors.edges[*].node.id", List.class));
		String after = first.read("$.data.actors.pageInfo.endCursor");
		DocumentContext page = null;
		while (after != null) {
			page = this.graphQl.post(query, "first", 100, "after", after);
			seen.addAll(page.read("$.data.actors.edges[*].node.id", List.class));
			after = page.read("$.data.actors.pageInfo.hasNextPage", Boolean.class)
					? page.read("$.data.actors.pageInfo.endCursor") : null;
		}
		assertThat(seen).doesNotHaveDuplicates().hasSize(first.read("$.data.actors.totalCount", Integer.class));
		String secondStart = this.graphQl.post(query, "first", 100, "after", first.read("$.data.actors.pageInfo.endCursor"))
			.read("$.data.actors.pageInfo.startCursor");
		DocumentContext back = this.graphQl.post(query, "last", 100, "before", secondStart);
		assertThat(back.read("$.data.actors.edges[*].node.id", List.class))
			.isEqualTo(first.read("$.data.actors.edges[*].node.id", List.class));
		assertThat(back.read("$.data.actors.pageInfo.hasPreviousPage", Boolean.class)).isFalse();
		List<String> names = first.read("$.data.actors.edges[*].node.name", List.class);
		assertThat(names).isSortedAccordingTo(String::compareTo);
	}

	@Test
	void filtersInstrumentsByKindAndByParty() {
		DocumentContext partnerships = this.graphQl.post("""
				{ instruments(filter: {kinds: ["digital-partnership"]}) { totalCount nodes { id } } }""");
		assertThat(partnerships.read("$.data.instruments.nodes[*].id", List.class)).containsExactlyInAnyOrder(
				"instrument:eu-jp-digital-partnership", "instrument:eu-kr-digital-partnership",
				"instrument:eu-sg-digital-partnership", "instrument:eu-ca-digital-partnership");
		DocumentContext india = this.graphQl.post("""
				{ instruments(filter: {party: "country:IN"}, first: 100) { nodes { id } } }""");
		assertThat(india.read("$.data.instruments.nodes[*].id", List.class)).contains("instrument:eu-in-ttc",
				"instrument:eu-in-cyber-dialogue", "instrument:eu-in-fta");
	}

	@Test
	void rejectsAPageTooLargeWithAClearMessageAndNoData() {
		DocumentContext answer = this.graphQl.post("{ actors(first: 101) { nodes { id } } }");
		assertThat(answer.read("$.errors[0].message", String.class)).isEqualTo("'first' must be between 1 and 100, not 101");
		assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("BAD_REQUEST");
		assertThat(answer.read("$.errors[0].path[0]", String.class)).isEqualTo("actors");
	}

	@Test
	void profileShowsEveryTieWithRolesAndCounterparts() {
		DocumentContext answer = this.graphQl.post("""
				{ profile(id: "country:IN") {
				    node { name }
				    summary { type direction count }
				    ties { direction edge { type role sources { locator } } other { id __typename }
				           counterparts { node { id } edge { role } } counterpartCount } } }""");
		List<Map<String, Object>> ties = answer.read("$.data.profile.ties[?(@.other.id == 'instrument:eu-in-ttc')]");
		assertThat(ties).hasSize(1);
		assertThat(answer.read("$.data.profile.ties[?(@.other.id == 'instrument:eu-in-ttc')].edge.role", List.class))
			.containsExactly("partner");
		assertThat(answer.read(
				"$.data.profile.ties[?(@.other.id == 'instrument:eu-in-ttc')].counterparts[*].node.id", List.class))
			.contains("union:eu");
		assertThat(answer.read("$.data.profile.ties[*].edge.sources[0].locator", List.class)).doesNotContainNull();
		int total = answer.read("$.data.profile.summary[*].count", List.class).stream()
			.mapToInt((c) -> ((Number) c).intValue()).sum();
		assertThat(total).isEqualTo(answer.read("$.data.profile.ties.length()", Integer.class));
	}

	@Test
	void aNestedAnswerCostsTheSameStatementsWhateverItsSize() {
		String query = """
				query ($first: Int) { actors(filter: {labels: [COUNTRY]}, first: $first) {
				  nodes { id sources { locator source { name } } } } }""";
		long small = statements(query, 5);
		long large = statements(query, 100);
		assertThat(small).isEqualTo(large).isEqualTo(2);
	}

	@Test
	void servesGraphiQl() {
		var response = this.graphQl.get("/graphiql?path=/graphql");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).containsIgnoringCase("graphiql");
	}

	private long statements(String query, int first) {
		long before = this.reads.statementCount();
		DocumentContext answer = this.graphQl.post(query, "first", first);
		assertThat(answer.read("$.data.actors.nodes.length()", Integer.class)).isEqualTo(first);
		return this.reads.statementCount() - before;
	}

}
