package org.partneratlas.workspace;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Tlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a reviewed query file: the header and the document must agree, or the file is refused with reasons. */
class QueryFileTests {

	private static final String GOOD = """
			# name: Paths
			# description: The paths between two actors.
			# marking: GREEN
			# version: 2
			# variables:
			#   from: {description: "Start.", suggest: actor}
			#   k: {description: "How many."}
			query Paths($from: ID!, $k: Int = 3, $labels: [Label!] = [COUNTRY, REGION]) {
			  paths(from: $from, to: "country:IN", k: $k) { found }
			  search(text: "x", labels: $labels) { score }
			}
			""";

	@Test
	void readsTypesAndDefaultsFromTheDocumentAndWordsFromTheHeader() {
		String text = GOOD.replace("#   k: {description: \"How many.\"}",
				"#   k: {description: \"How many.\"}\n#   labels: {description: \"Labels.\", suggest: label}");
		CatalogueEntry entry = QueryFile.read("paths", "paths.graphql", text).entry();
		assertThat(entry.name()).isEqualTo("Paths");
		assertThat(entry.version()).isEqualTo(2);
		assertThat(entry.marking()).isEqualTo(Tlp.GREEN);
		assertThat(entry.origin()).isEqualTo(CatalogueEntry.Origin.REVIEWED);
		assertThat(entry.document()).startsWith("query Paths").doesNotContain("# name");
		assertThat(entry.variables()).containsExactly(
				new CatalogueEntry.Variable("from", "ID!", "Start.", null, "actor"),
				new CatalogueEntry.Variable("k", "Int", "How many.", 3, null),
				new CatalogueEntry.Variable("labels", "[Label!]", "Labels.", java.util.List.of("COUNTRY", "REGION"),
						"label"));
	}

	@Test
	void refusesAVariableTheHeaderDoesNotDescribe() {
		assertThatThrownBy(() -> QueryFile.read("paths", "paths.graphql", GOOD))
			.hasMessageContaining("paths.graphql")
			.hasMessageContaining("variable $labels is not described");
	}

	@Test
	void refusesAHeaderVariableTheDocumentLacks() {
		String text = GOOD.replace("$labels: [Label!] = [COUNTRY, REGION]", "$unused: Int")
			.replace("labels: $labels", "first: $unused")
			.replace("#   k:", "#   labels: {description: \"Labels.\"}\n#   unused: {description: \"x\"}\n#   k:");
		assertThatThrownBy(() -> QueryFile.read("paths", "paths.graphql", text))
			.hasMessageContaining("describes $labels, which the document does not declare");
	}

	@Test
	void refusesATypeInTheHeaderThatDisagreesWithTheDocument() {
		String text = GOOD.replace("{description: \"Start.\", suggest: actor}", "{description: \"Start.\", type: ID}")
			.replace("#   k:", "#   labels: {description: \"L.\"}\n#   k:");
		assertThatThrownBy(() -> QueryFile.read("paths", "paths.graphql", text))
			.hasMessageContaining("$from is ID! in the document but ID in the header");
	}

	@Test
	void refusesMutationsSeveralOperationsMarkingsWithoutOwnersAndBadNames() {
		String header = "# name: X\n# description: Y\n";
		assertThatThrownBy(() -> QueryFile.read("x", "x.graphql", header + "mutation { unlink(id: \"a\") { id } }"))
			.hasMessageContaining("must be a query");
		assertThatThrownBy(() -> QueryFile.read("x", "x.graphql", header + "query A { me { name } } query B { me { name } }"))
			.hasMessageContaining("exactly one operation, not 2");
		assertThatThrownBy(() -> QueryFile.read("x", "x.graphql", header + "# marking: RED\n{ me { name } }"))
			.hasMessageContaining("'marking' must be CLEAR, GREEN or AMBER");
		assertThatThrownBy(() -> QueryFile.read("Bad Name", "Bad Name.graphql", header + "{ me { name } }"))
			.hasMessageContaining("the file name must be an id");
		assertThatThrownBy(() -> QueryFile.read("x", "x.graphql", "# description: Y\n{ me { name } }"))
			.hasMessageContaining("the header needs 'name'");
		assertThatThrownBy(() -> QueryFile.read("x", "x.graphql", header + "{ me { name }"))
			.hasMessageContaining("not GraphQL");
		assertThatThrownBy(() -> QueryFile.read("x", "x.graphql",
				header + "# variables:\n#   a: {description: A, suggest: colour}\nquery ($a: ID) { node(id: $a) { id } }"))
			.hasMessageContaining("suggests 'colour'");
	}

	@Test
	void appendsOnlyTheSharedFragmentsADocumentSpreads() {
		Map<String, String> fragments = Map.of("A", "fragment A on Node { id ...B }", "B", "fragment B on Node { name }",
				"C", "fragment C on Node { kind }");
		String text = QueryFile.withFragments("{ node(id: \"x\") { ...A } }", fragments);
		assertThat(text).contains("fragment A", "fragment B").doesNotContain("fragment C");
	}

}
