package org.partneratlas.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.ResultSummary;

import org.partneratlas.ingest.GraphWriter;
import org.partneratlas.ingest.SeedLoader;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code cypher/queries} is EXPLAINed against a real Neo4j with the schema and the curated graph: a
 * syntax error, or a label, relationship type or property the graph does not know (a typo), fails its test. Every
 * read file also carries the visibility predicate.
 */
class CypherFilesIT {

	private static final Path QUERIES = Path.of("cypher/queries");

	private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");

	private static Driver driver;

	@BeforeAll
	static void graph() {
		driver = TestNeo4j.driver();
		new SchemaRunner(driver).apply();
		new GraphWriter(driver, new CypherStatements()).write(SeedLoader.read("classpath*:seed-data/"));
		// One audit event, written by its own statement and removed again, so that the sweep knows its properties.
		try (var session = driver.session()) {
			Map<String, Object> event = new HashMap<>();
			for (String key : List.of("id", "by", "role", "requestId", "action", "itemId", "from", "to", "changes",
					"reason")) {
				event.put(key, "sweep");
			}
			event.put("version", 1);
			event.put("access", List.of("tlp:CLEAR"));
			event.put("accessBefore", List.of("tlp:CLEAR"));
			session.run(new CypherStatements().text("editing/record-event"), Map.of("event", event)).consume();
			session.run("MATCH (e:AuditEvent {id: 'sweep'}) DELETE e").consume();
			// And a create-only import's audit batch, by its own statement.
			Map<String, Object> batch = new HashMap<>();
			for (String key : List.of("id", "by", "role", "requestId", "reason", "itemText", "fromText", "toText")) {
				batch.put(key, "sweep");
			}
			for (String key : List.of("items", "actions", "froms", "tos", "changes", "accesses")) {
				batch.put(key, List.of("sweep"));
			}
			batch.put("versions", List.of(1));
			session.run(new CypherStatements().text("ingest/record-batch-events"), Map.of("batches", List.of(batch)))
				.consume();
			session.run("MATCH (b:AuditBatch {id: 'sweep'}) DELETE b").consume();
			// And a streamed import's journal and undo copy (ImportBatches), for the same reason.
			session.run("CREATE (j:ImportJournal {run: 'sweep', batch: 1, nodes: [], tieIds: [], tieFroms: [], "
					+ "updated: []}) CREATE (u:ImportUndo {_undoRun: 'sweep', _undoOf: 'x', _undoFrom: 'x', "
					+ "_undoKind: 'node'}) DELETE j, u")
				.consume();

			// And a saved query and a saved view (workspace), for their labels and properties.
			for (String label : List.of("SavedQuery", "SavedView")) {
				Map<String, Object> saved = new HashMap<>();
				for (String key : List.of("id", "kind", "name", "description", "document", "variables", "state",
						"origin", "tlp", "organisation", "savedBy", "promotedBy")) {
					saved.put(key, "sweep");
				}
				saved.put("version", 1);
				saved.put("tlpLevel", 0);
				saved.put("recipients", List.of("sweep"));
				saved.put("access", List.of("tlp:CLEAR"));
				session.run(new CypherStatements().text("workspace/save-version"),
						Map.of("labels", List.of("Saved", label), "props", saved, "grants", List.of("tlp:CLEAR")))
					.consume();
				session.run("MATCH (s:Saved {id: 'sweep'}) SET s.promotedAt = datetime() DETACH DELETE s").consume();
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> everyQueryFileCompilesAgainstTheGraph() throws IOException {
		return files().map((file) -> DynamicTest.dynamicTest(QUERIES.relativize(file).toString(), () -> {
			String text = Files.readString(file);
			assertThat(unknownNames(text)).as("unknown labels, types or properties in " + file).isEmpty();
		}));
	}

	@Test
	void theRelationshipMergeHasABranchForEveryType() throws IOException {
		for (String file : List.of("ingest/merge-ties.cypher", "ingest/import-ties.cypher")) {
			String text = Files.readString(QUERIES.resolve(file));
			for (RelType type : RelType.values()) {
				assertThat(text).as("a branch for " + type + " in " + file)
					.contains("WHERE row.type = '" + type.name() + "'")
					.contains("MERGE (a)-[r:" + type.name() + " {id: row.id}]->(b)");
			}
		}
	}

	@Test
	void auditEventsAreAppendOnlyTwoFilesCreateThemAndOnlyHistoryReadsThem() throws IOException {
		Map<String, String> mentions = new java.util.TreeMap<>();
		for (Path file : files().toList()) {
			String text = Files.readString(file);
			if (text.contains("AuditEvent")) {
				mentions.put(QUERIES.relativize(file).toString(), text);
			}
		}
		assertThat(mentions).containsOnlyKeys("editing/record-event.cypher", "ingest/record-events.cypher",
				"editing/history.cypher", "ingest/rollback-events.cypher");
		// The one delete: the events of a streamed import's batch being undone (changes that never happened), only
		// that run's, found by the items its journal names.
		assertThat(mentions.get("ingest/rollback-events.cypher")).contains("MATCH (e:AuditEvent {itemId: id})")
			.contains("WHERE e.requestId = $run")
			.doesNotContainPattern("\\b(SET|REMOVE|MERGE|CREATE)\\b");
		for (String creates : List.of("editing/record-event.cypher", "ingest/record-events.cypher")) {
			assertThat(mentions.get(creates)).contains("CREATE (e:AuditEvent)")
				.doesNotContain("MATCH")
				.doesNotContain("MERGE")
				.doesNotContainPattern("\\b(DELETE|REMOVE)\\b");
		}
		assertThat(mentions.get("editing/history.cypher")).doesNotContainPattern("\\b(SET|DELETE|REMOVE|MERGE|CREATE)\\b");
		// A create-only import's events in batches: one file creates them, history reads them, a failed run's go
		Map<String, String> batches = new java.util.TreeMap<>();
		for (Path file : files().toList()) {
			String text = Files.readString(file);
			if (text.contains("AuditBatch")) {
				batches.put(QUERIES.relativize(file).toString(), text);
			}
		}
		assertThat(batches).containsOnlyKeys("ingest/record-batch-events.cypher", "editing/history.cypher",
				"ingest/rollback-batch-events.cypher");
		assertThat(batches.get("ingest/record-batch-events.cypher")).contains("CREATE (b:AuditBatch)")
			.doesNotContain("MATCH")
			.doesNotContain("MERGE")
			.doesNotContainPattern("\\b(DELETE|REMOVE)\\b");
		assertThat(batches.get("ingest/rollback-batch-events.cypher")).contains("MATCH (b:AuditBatch {requestId: $run})")
			.doesNotContainPattern("\\b(SET|REMOVE|MERGE|CREATE)\\b");
	}

	@Test
	void theSweepCatchesATypoInALabelATypeOrAProperty() {
		assertThat(unknownNames("MATCH (n:Entity)-[:PARTY_TO]->(i:Instrument) RETURN n.name, i.kind")).isEmpty();
		assertThat(unknownNames("MATCH (n:Entiti) RETURN n")).singleElement().asString().contains("Entiti");
		assertThat(unknownNames("MATCH ()-[r:PARTY_OF]->() RETURN r")).singleElement().asString().contains("PARTY_OF");
		assertThat(unknownNames("MATCH (n:Entity) RETURN n.nmae")).singleElement().asString().contains("nmae");
	}

	private static List<String> unknownNames(String text) {
		try (var session = driver.session()) {
			ResultSummary summary = session.run("EXPLAIN " + text, parameters(text)).consume();
			return summary.notifications()
				.stream()
				.filter((n) -> n.code().contains("Unknown"))
				.map((n) -> n.code() + ": " + n.description())
				.toList();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyReadFileTakesTheCallersVisibility() throws IOException {
		// Writes of curated data, and the admin's lossless backup and restore of everything, read no caller's view.
		return files().filter((file) -> !file.startsWith(QUERIES.resolve("ingest")) && !file.startsWith(QUERIES.resolve("backup")))
			.map((file) -> DynamicTest.dynamicTest(QUERIES.relativize(file).toString(), () -> {
				String text = Files.readString(file);
				long matched = Pattern.compile("MATCH|queryNodes").matcher(text).results().count();
				long filtered = Pattern.compile("\\.access WHERE g IN \\$grants\\)").matcher(text).results().count();
				assertThat(filtered).as(file + ": a visibility predicate for every MATCH").isGreaterThanOrEqualTo(matched);
				if (!file.startsWith(QUERIES.resolve("editing"))) {
					assertThat(text).as(file + " filters by the caller's grants").contains(".access WHERE g IN $grants)");
				}
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyFileStartsWithAHeaderComment() throws IOException {
		return files().map((file) -> DynamicTest.dynamicTest(QUERIES.relativize(file).toString(),
				() -> assertThat(Files.readAllLines(file).subList(0, 2)).allMatch((l) -> l.startsWith("//"))));
	}

	private static Stream<Path> files() throws IOException {
		try (Stream<Path> walk = Files.walk(QUERIES)) {
			return walk.filter((p) -> p.toString().endsWith(".cypher")).sorted().toList().stream();
		}
	}

	/** A value of the right type for every parameter: EXPLAIN checks parameter types. */
	private static Map<String, Object> parameters(String text) {
		Map<String, Object> row = Map.of("id", "x", "from", "x", "to", "x", "type", "PARTY_TO", "labels",
				List.of("Entity"), "props", Map.of());
		Map<String, Object> parameters = new HashMap<>();
		Matcher m = PARAMETER.matcher(text);
		while (m.find()) {
			String name = m.group(1);
			parameters.put(name, switch (name) {
				case "labels", "actorLabels", "otherLabels" -> List.of("Country");
				case "grants" -> List.of("tlp:CLEAR");
				case "types" -> List.of("PARTY_TO");
				case "ids", "kinds", "statuses", "euStatus", "sectors", "avoid", "avoidKinds", "topics", "has", "lacks",
						"instrumentKinds", "tieKinds", "otherIds", "otherKinds", "otherEuStatus", "otherSectors", "whole",
						"starts", "frontier", "ends" ->
					List.of("x");
				case "limit", "edgeLimit", "first", "depth", "k", "maxHops", "ceiling", "budget" -> 1;
				case "asOf" -> java.time.LocalDate.of(2025, 1, 1);
				case "rows" -> List.of(row);
				case "props", "event", "journal" -> Map.of("id", "x");
				case "events", "batches" -> List.of(Map.of("id", "x"));
				case "paths" -> List.of(Map.of("nodes", List.of("x", "y"), "rels", List.of("r")));
				default -> "x";
			});
		}
		return parameters;
	}

}
