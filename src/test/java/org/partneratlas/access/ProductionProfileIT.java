package org.partneratlas.access;

import org.junit.jupiter.api.Test;

import org.partneratlas.support.AtlasIT;
import org.partneratlas.support.GraphQl;

import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile: no GraphiQL, the schema only for admins, and only trusted documents (catalogue queries and
 * the Explorer's own, by {@code documentId}) for callers below admin.
 */
@ActiveProfiles("prod")
class ProductionProfileIT extends AtlasIT {

	static final String SCHEMA = "{ __schema { queryType { name } } }";

	@Test
	void servesNoGraphiQl() {
		assertThat(this.graphQl.get("/graphiql?path=/graphql").statusCode()).isEqualTo(404);
	}

	@Test
	void answersIntrospectionForAdminsOnly() {
		// below admin, free-form text (introspection included) is refused before it is read
		assertThat(this.graphQl.post(SCHEMA).read("$.errors[0].message", String.class)).contains("trusted documents");
		assertThat(this.graphQl.as("test-amber").post(SCHEMA).read("$", java.util.Map.class)).doesNotContainKey("data");
		assertThat(this.graphQl.as("test-red-cleared").post(SCHEMA).read("$.data.__schema.queryType.name", String.class))
			.isEqualTo("Query");
	}

	@Test
	void printsTheSchemaForAdminsOnly() throws Exception {
		java.util.function.Function<String, java.net.http.HttpResponse<String>> get = (token) -> get("/graphql/schema",
				token);
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
			java.util.function.Function<String, java.net.http.HttpResponse<String>> get = (token) -> get(path, token);
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
	void refusesFreeFormQueriesBelowAdmin() {
		String query = "{ node(id: \"union:eu\") { name } }";
		for (String token : new String[] { null, "test-csc-member", "test-amber", "test-editor-ecso" }) {
			GraphQl caller = (token != null) ? this.graphQl.as(token) : this.graphQl;
			var answer = caller.post(query);
			assertThat(answer.read("$", java.util.Map.class)).as(String.valueOf(token)).doesNotContainKey("data");
			assertThat(answer.read("$.errors[0].message", String.class)).contains("Only trusted documents run here",
					"documentId");
			assertThat(answer.read("$.errors[0].extensions.classification", String.class)).isEqualTo("FORBIDDEN");
		}
	}

	@Test
	void runsCatalogueQueriesByIdBelowAdmin() {
		for (String token : new String[] { null, "test-csc-member" }) {
			var answer = com.jayway.jsonpath.JsonPath.parse(post(token, java.util.Map.of("documentId", "paths-between",
					"variables", java.util.Map.of("from", "org:ecso", "to", "country:IN"))).body());
			assertThat(answer.read("$.data.paths.found", Boolean.class)).isTrue();
		}
	}

	@Test
	void runsEveryOneOfTheExplorersDocumentsBelowAdmin() {
		java.util.Map<String, java.util.Map<String, Object>> documents = java.util.Map.ofEntries(
				java.util.Map.entry("x-explorer:me", java.util.Map.of()),
				java.util.Map.entry("x-explorer:search", java.util.Map.of("text", "india")),
				java.util.Map.entry("x-explorer:profile", java.util.Map.of("id", "country:IN")),
				java.util.Map.entry("x-explorer:timeline", java.util.Map.of("id", "country:SG")),
				java.util.Map.entry("x-explorer:regions", java.util.Map.of()),
				java.util.Map.entry("x-explorer:coverage",
						java.util.Map.of("actors", java.util.Map.of("labels", java.util.List.of("COUNTRY")), "kinds",
								java.util.List.of("digital-partnership"))),
				java.util.Map.entry("x-explorer:gaps", java.util.Map.of("lacks", java.util.List.of("cyber-dialogue"))),
				java.util.Map.entry("x-explorer:nodes", java.util.Map.of("ids", java.util.List.of("country:IN"))),
				java.util.Map.entry("x-explorer:expand", java.util.Map.of("id", "country:IN", "limit", 25)),
				java.util.Map.entry("x-explorer:paths",
						java.util.Map.of("from", "org:ecso", "to", "country:IN", "k", 1)),
				java.util.Map.entry("x-explorer:catalogue", java.util.Map.of()));
		documents.forEach((id, variables) -> {
			var body = post("test-csc-member", java.util.Map.of("documentId", id, "variables", variables)).body();
			assertThat(com.jayway.jsonpath.JsonPath.parse(body).read("$", java.util.Map.class)).as(id + ": " + body)
				.doesNotContainKey("errors")
				.containsKey("data");
		});
	}

	@Test
	void answersAdminsFreeFormQueries() {
		assertThat(this.graphQl.as("test-red-cleared")
			.post("{ node(id: \"union:eu\") { name } }")
			.read("$.data.node.name", String.class)).isEqualTo("European Union");
	}

	/**
	 * The workspace's done-when in {@code prod}: an analyst saves a query with three variables and an editor promotes
	 * it, both through trusted documents; a viewer, refused any free-form text, runs it by id with two sets of values
	 * and gets what the reviewed query over the same field answers for them.
	 */
	@Test
	void anAnalystSavesAnEditorPromotesAndAViewerRunsItByIdWhereOnlyTrustedDocumentsRun() {
		String document = """
				query PartnersWithButNot($has: String!, $lacks: String!, $region: ID!) {
				  gaps(actors: {labels: [COUNTRY], memberOf: $region}, has: [$has], lacks: [$lacks]) { actor { id } }
				}""";
		java.util.function.BiFunction<String, String, java.util.Map<String, Object>> variable = (name, type) -> java.util.Map
			.of("name", name, "type", type, "description", "The " + name + " of the question", "suggest",
					name.equals("region") ? "region" : "instrumentKind");
		var input = java.util.Map.of("name", "Partners with X but not Y in region R", "description",
				"Countries of a region party to one kind of instrument but not another", "document", document,
				"marking", "CLEAR", "variables", java.util.List.of(variable.apply("has", "String!"),
						variable.apply("lacks", "String!"), variable.apply("region", "ID!")));
		// free-form saving is refused to the analyst in prod; the trusted document is not
		assertThat(this.graphQl.as("test-green")
			.post("mutation ($input: SaveQueryInput!) { saveQuery(input: $input) { id } }", "input", input)
			.read("$.errors[0].extensions.classification", String.class)).isEqualTo("FORBIDDEN");
		var saved = com.jayway.jsonpath.JsonPath.parse(post("test-green",
				java.util.Map.of("documentId", "x-explorer:save-query", "variables", java.util.Map.of("input", input)))
			.body());
		String id = saved.read("$.data.saveQuery.id", String.class);
		assertThat(saved.read("$.data.saveQuery.origin", String.class)).isEqualTo("SAVED");
		// before promotion it is not a trusted document: the viewer may not run it here
		var unpromoted = com.jayway.jsonpath.JsonPath.parse(post("test-csc-member", java.util.Map.of("documentId", id,
				"variables", java.util.Map.of("has", "digital-partnership", "lacks", "cyber-dialogue", "region",
						"region:enlargement-countries"))).body());
		assertThat(unpromoted.read("$", java.util.Map.class)).doesNotContainKey("data");
		var promoted = com.jayway.jsonpath.JsonPath.parse(post("test-editor-ecso",
				java.util.Map.of("documentId", "x-explorer:promote-query", "variables",
						java.util.Map.of("id", id, "version", 1))).body());
		assertThat(promoted.read("$.data.promoteQuery.origin", String.class)).as(promoted.jsonString())
			.isEqualTo("PROMOTED");
		assertThat(this.graphQl.as("test-csc-member").post(document).read("$", java.util.Map.class))
			.doesNotContainKey("data");
		for (var values : java.util.List.of(
				java.util.Map.of("has", "security-defence-partnership", "lacks", "cyber-dialogue", "region",
						"region:enlargement-countries"),
				java.util.Map.of("has", "digital-partnership", "lacks", "cyber-dialogue", "region",
						"region:enlargement-countries"))) {
			var answer = com.jayway.jsonpath.JsonPath
				.parse(post("test-csc-member", java.util.Map.of("documentId", id, "variables", values)).body());
			assertThat(answer.read("$", java.util.Map.class)).as(answer.jsonString()).doesNotContainKey("errors");
			java.util.List<String> ids = answer.read("$.data.gaps[*].actor.id");
			var reviewed = com.jayway.jsonpath.JsonPath.parse(post("test-csc-member",
					java.util.Map.of("documentId", "partners-with-but-not", "variables",
							java.util.Map.of("has", java.util.List.of(values.get("has")), "lacks",
									java.util.List.of(values.get("lacks")), "region", values.get("region"))))
				.body());
			java.util.List<String> expected = reviewed.read("$.data.gaps[*].actor.id");
			assertThat(ids).as(values.toString()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/** GETs a path of the service, with a token or without. */
	private java.net.http.HttpResponse<String> get(String path, String token) {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Posts; a statement stopped by the service's 10 s timeout on a loaded machine is asked again (three times). */
	private java.net.http.HttpResponse<String> post(String token, java.util.Map<String, Object> body) {
		java.net.http.HttpResponse<String> response = postOnce(token, body);
		for (int i = 0; i < 3 && response.body().contains("\"TIMEOUT\""); i++) {
			response = postOnce(token, body);
		}
		return response;
	}

	private java.net.http.HttpResponse<String> postOnce(String token, java.util.Map<String, Object> body) {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(request.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString(net.minidev.json.JSONValue.toJSONString(body))).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
