package org.partneratlas.catalogue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's bare endpoints (bench/run.sh compares GraphQL with them) answer exactly the JSON an anonymous caller gets
 * from GraphQL for the same selection, and are not there unless a bench asks for them.
 */
class BareEndpointsIT extends AtlasIT {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	CatalogueQueries queries;

	@Test
	void bareAnswersAreTheGraphQlJsonOfTheSameSelection() {
		BareCatalogueController bare = new BareCatalogueController(this.queries);
		for (String id : new String[] { "instrument:eu-in-ttc", "country:IN", "org:ecso", "no:such-node" }) {
			assertSame(bare.lookup(id), "query($id: ID!) { node(id: $id) { id label name tlp start ... on Instrument { status } } }",
					"id", id);
			assertSame(bare.profile(id), "query($id: ID!) { profile(id: $id) { node { id name } ties { direction "
					+ "edge { id type role start } other { id label name } counterparts { node { id name } } } } }", "id", id);
		}
		for (String text : new String[] { "ind", "europ spac", "ttc" }) {
			assertSame(bare.search(text), "query($t: String!) { search(text: $t, first: 20) { score node { id label name } } }",
					"t", text);
		}
	}

	@Test
	void bareEndpointsAreOffUnlessABenchTurnsThemOn() {
		assertThat(this.graphQl.get("/bench/bare/lookup?id=country:IN").statusCode()).isEqualTo(404);
		assertThat(this.graphQl.get("/bench/bare/neighbourhood?id=country:IN").statusCode()).isEqualTo(404);
	}

	void assertSame(Map<String, Object> bare, String query, Object... variables) {
		JsonNode graphQl = json.readTree(this.graphQl.raw(query, variables).body());
		assertThat(graphQl.has("errors")).as(graphQl.toString()).isFalse();
		JsonNode bareTree = json.valueToTree(bare);
		assertThat(bareTree).isEqualTo(graphQl);
	}

}
