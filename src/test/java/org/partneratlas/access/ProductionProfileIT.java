package org.partneratlas.access;

import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;

import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The production profile: no GraphiQL, and the schema only for admins. */
@ActiveProfiles("prod")
class ProductionProfileIT extends AtlasIT {

	static final String SCHEMA = "{ __schema { queryType { name } } }";

	@Test
	void servesNoGraphiQl() {
		assertThat(this.graphQl.get("/graphiql?path=/graphql").statusCode()).isEqualTo(404);
	}

	@Test
	void answersIntrospectionForAdminsOnly() {
		assertThat(this.graphQl.post(SCHEMA).read("$.errors[0].message", String.class)).containsIgnoringCase("introspection");
		assertThat(this.graphQl.as("test-amber").post(SCHEMA).read("$", java.util.Map.class)).doesNotContainKey("data");
		assertThat(this.graphQl.as("test-red-cleared").post(SCHEMA).read("$.data.__schema.queryType.name", String.class))
			.isEqualTo("Query");
	}

	@Test
	void stillAnswersQueries() {
		assertThat(this.graphQl.post("{ node(id: \"union:eu\") { name } }").read("$.data.node.name", String.class))
			.isEqualTo("European Union");
	}

}
