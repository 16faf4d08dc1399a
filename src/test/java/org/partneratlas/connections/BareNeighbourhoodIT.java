package org.partneratlas.connections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's bare neighbourhood answers exactly the JSON an anonymous caller gets from GraphQL. */
class BareNeighbourhoodIT extends AtlasIT {

	@Autowired
	ConnectionQueries queries;

	@Test
	void bareNeighbourhoodIsTheGraphQlJson() {
		JsonMapper json = JsonMapper.builder().build();
		BareConnectionController bare = new BareConnectionController(this.queries);
		for (String id : new String[] { "org:ecso", "country:IN", "union:eu", "no:such-node" }) {
			JsonNode graphQl = json.readTree(this.graphQl.raw("query($id: ID!) { neighbourhood(id: $id, depth: 2, "
					+ "limit: 100) { nodes { id label name } edges { id type from to } omittedNodes omittedEdges } }", "id",
					id).body());
			assertThat(graphQl.has("errors")).as(graphQl.toString()).isFalse();
			JsonNode bareTree = json.valueToTree(bare.neighbourhood(id));
			assertThat(bareTree).as(id).isEqualTo(graphQl);
		}
	}

}
