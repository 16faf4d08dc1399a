package org.partneratlas.access;

import java.util.List;
import java.util.Random;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.partneratlas.support.AtlasIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every string argument of every read shape, fed hostile text (Cypher, Lucene and JSON syntax, quotes, control
 * characters, long runs): no answer is an internal error (a Cypher syntax error would be one), and the graph is
 * unchanged afterwards. Strings reach Cypher only as parameters.
 */
class StringArgumentFuzzIT extends AtlasIT {

	static final List<String> PIECES = List.of("'", "\"", "`", "\\", "$", "{", "}", "(", ")", "[", "]", ":", ";", "//",
			"/*", "*/", "MATCH (n) DETACH DELETE n", "RETURN 1", "CALL db.labels()", "} RETURN n //", "' OR 1=1 --",
			"*:*", "~", "^2", "AND", "OR NOT", "\u0000", "\n", "\t", "é", "中", "😀", "country:IN", "union:eu", "%s",
			"x".repeat(150));

	static final List<String> SHAPES = List.of(
			"query ($s: String!) { search(text: $s) { node { id } } }",
			"query ($s: ID!) { node(id: $s) { id } }",
			"query ($s: ID!) { profile(id: $s) { node { id } } }",
			"query ($s: ID!) { timeline(id: $s) { node { id } } }",
			"query ($s: ID!) { neighbourhood(id: $s, depth: 2) { nodes { id } } }",
			"query ($s: ID!) { connections(a: $s, b: \"country:IN\") { a { id } } }",
			"query ($s: ID!) { paths(from: \"union:eu\", to: $s) { found } }",
			"query ($s: ID!) { paths(from: \"org:ecso\", to: \"country:IN\", only: {kinds: [$s], topics: [$s], avoid: [$s]}) { found } }",
			"query ($s: String!) { actors(filter: {kinds: [$s], memberOf: $s, euStatus: [$s], sectors: [$s], ids: [$s]}) { nodes { id } } }",
			"query ($s: String!) { instruments(filter: {kinds: [$s], statuses: [$s], party: $s}) { nodes { id } } }",
			"query ($s: String!) { coverage(kinds: [$s], actors: {memberOf: $s}) { rows { actor { id } } } }",
			"query ($s: String!) { gaps(has: [$s], lacks: [$s]) { actor { id } } }",
			"query ($s: String!) { commonPartners(a: $s, b: \"country:IN\") { partner { id } } }",
			"query ($s: String!) { centrality(measure: DEGREE, kinds: [$s]) { node { id } } }",
			"query ($s: String!) { actors(first: 5, after: $s) { nodes { id } } }");

	@Autowired
	Driver driver;

	@Test
	void hostileStringsNeverBreakAStatementOrTheGraph() {
		long before = count();
		Random random = new Random(20261123);
		int asked = 0;
		for (int round = 0; round < 25; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
				text.append(PIECES.get(random.nextInt(PIECES.size())));
			}
			String s = text.length() > 190 ? text.substring(0, 190) : text.toString();
			for (String shape : SHAPES) {
				DocumentContext answer = this.graphQl.post(shape, "s", s);
				List<String> classes = answer.read("$..classification", List.class);
				assertThat(classes).as("%s with %s", shape, s).doesNotContain("INTERNAL_ERROR");
				asked++;
			}
		}
		assertThat(asked).isEqualTo(25 * SHAPES.size());
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		try (var session = this.driver.session()) {
			return session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
		}
	}

}
