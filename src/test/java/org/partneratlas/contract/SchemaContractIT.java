package org.partneratlas.contract;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import org.junit.jupiter.api.Test;
import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published contract: the schema at its stable URLs (SDL and introspection JSON, saying the same), the committed
 * copy in {@code schema/partner-atlas.graphqls} kept equal to what the code serves (stale: this test fails and prints
 * the command that rewrites it), and the served schema breaking no client of the last release.
 */
class SchemaContractIT extends AtlasIT {

	@Test
	void servesTheSchemaAsSdlAndAsIntrospectionJsonThatSayTheSame() {
		var sdl = this.graphQl.get("/graphql/schema.graphqls");
		assertThat(sdl.statusCode()).isEqualTo(200);
		assertThat(sdl.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(sdl.body()).contains("type Query {").contains("\"\"\"").doesNotContain("__Schema")
			.doesNotContain("directive @include");
		var json = this.graphQl.get("/graphql/schema.json");
		assertThat(json.statusCode()).isEqualTo(200);
		Map<String, Object> introspection = JsonPath.parse(json.body()).read("$.data");
		assertThat(JsonPath.parse(json.body()).read("$.data.__schema.queryType.name", String.class)).isEqualTo("Query");
		// a client building its schema from the JSON gets the schema the SDL states
		Document fromJson = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
		assertThat(SchemaCompatibility.breakingChanges(sdl.body(), printDocument(fromJson))).isEmpty();
		assertThat(SchemaCompatibility.breakingChanges(printDocument(fromJson), sdl.body())).isEmpty();
	}

	@Test
	void theCommittedSchemaIsWhatTheServiceServes() throws Exception {
		String served = this.graphQl.get("/graphql/schema.graphqls").body();
		if (Boolean.getBoolean("atlas.schema.write")) {
			Files.createDirectories(SchemaFiles.COMMITTED.getParent());
			Files.writeString(SchemaFiles.COMMITTED, served);
			System.out.println("[schema] wrote " + SchemaFiles.COMMITTED.toAbsolutePath());
			return;
		}
		String committed = Files.exists(SchemaFiles.COMMITTED) ? Files.readString(SchemaFiles.COMMITTED) : "";
		if (!committed.equals(served)) {
			fail(SchemaFiles.COMMITTED + " is not the schema the code serves (the API changed; review the diff and "
					+ "commit it). Rewrite it with:\n  " + SchemaFiles.REGENERATE + "\nFirst difference: "
					+ firstDifference(committed, served));
		}
	}

	@Test
	void theServedSchemaBreaksNoClientOfTheLastRelease() throws Exception {
		var released = SchemaFiles.lastReleased();
		List<SchemaCompatibility.Breaking> breaking = SchemaCompatibility.breakingChanges(Files.readString(released),
				this.graphQl.get("/graphql/schema.graphqls").body());
		assertThat(breaking).as(() -> SchemaFiles.explain(released, breaking)).isEmpty();
	}

	private static String printDocument(Document document) {
		return graphql.language.AstPrinter.printAst(document);
	}

	static String firstDifference(String committed, String served) {
		String[] a = committed.split("\n", -1);
		String[] b = served.split("\n", -1);
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			String x = (i < a.length) ? a[i] : "<end of file>";
			String y = (i < b.length) ? b[i] : "<end of file>";
			if (!x.equals(y)) {
				return "line " + (i + 1) + ": committed '" + x + "', served '" + y + "'";
			}
		}
		return "none";
	}

}
