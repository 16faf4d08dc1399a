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
	void printsTheSchemaForAdminsOnly() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		java.util.function.Function<String, java.net.http.HttpResponse<String>> get = (token) -> {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port
					+ "/graphql/schema"));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			try {
				return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		assertThat(get.apply(null).statusCode()).isEqualTo(401);
		assertThat(get.apply(null).body()).doesNotContain("type Query");
		assertThat(get.apply("test-amber").statusCode()).isEqualTo(403);
		assertThat(get.apply("test-red-cleared").statusCode()).isEqualTo(200);
		assertThat(get.apply("test-red-cleared").body()).contains("type Query");
	}

	@Test
	void publishesTheSchemaAtItsStableUrlsForAdminsOnly() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		for (String path : java.util.List.of("/graphql/schema.graphqls", "/graphql/schema.json")) {
			java.util.function.Function<String, java.net.http.HttpResponse<String>> get = (token) -> {
				var request = java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path));
				if (token != null) {
					request.header("Authorization", "Bearer " + token);
				}
				try {
					return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			};
			assertThat(get.apply(null).statusCode()).as(path).isEqualTo(401);
			assertThat(get.apply(null).body()).as(path).doesNotContain("Query");
			assertThat(get.apply("test-amber").statusCode()).as(path).isEqualTo(403);
			assertThat(get.apply("test-red-cleared").statusCode()).as(path).isEqualTo(200);
			assertThat(get.apply("test-red-cleared").body()).as(path).contains("Query");
			// a page of an allowed origin may ask (its preflight needs no token); the answer is still for admins
			var preflight = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
				.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
				.header("Origin", org.partneratlas.support.SecondOrigin.allowed())
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(preflight.statusCode()).as(path).isEqualTo(200);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
				.contains(org.partneratlas.support.SecondOrigin.allowed());
		}
	}

	@Test
	void stillAnswersQueries() {
		assertThat(this.graphQl.post("{ node(id: \"union:eu\") { name } }").read("$.data.node.name", String.class))
			.isEqualTo("European Union");
	}

}
