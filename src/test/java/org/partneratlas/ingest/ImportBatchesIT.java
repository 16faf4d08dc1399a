package org.partneratlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.partneratlas.export.Backup;
import org.partneratlas.export.ExportProperties;
import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.SchemaRunner;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streamed import, in batches of a few records so that a run has many: a failure in a late batch, on the
 * create-only path and on the merge path, leaves the store exactly as before (compared by the backup's checksum of
 * every node, relationship and property, audit events included); a run killed between batches is undone at the next
 * start; a dry run writes nothing; a second run changes nothing; provenance and audit events are as the in-memory
 * import writes them.
 */
class ImportBatchesIT {

	private static final Importer.Runner RUNNER = new Importer.Runner("import:test", "admin");

	private static Driver driver;

	private static Importer importer;

	private static Backup backup;

	@BeforeAll
	static void store() {
		driver = TestNeo4j.fixtures();
		new SchemaRunner(driver).apply();
		importer = new Importer(driver, new CypherStatements()).withBatchSize(10);
		backup = new Backup(driver, new CypherStatements(),
				new AtlasProperties(null, Duration.ofSeconds(10), null, "neo4j"), new ExportProperties(Duration.ofMinutes(5)));
	}

	/**
	 * The mapping of {@link #dataset}: organisations named by {@code name} (a template) and cooperations, with
	 * {@code tieFields} (whole YAML lines, indented as the tie's fields) added to the tie mapping.
	 */
	private static void mapping(Path dir, String prefix, String name, String tieFields) throws IOException {
		Files.writeString(dir.resolve("mapping.yaml"), """
				dataset:
				  id: source:%1$s
				  title: Bulk fixture %1$s
				  publisher: Partner Atlas tests
				  licence: CC0
				  version: "1"
				  retrieved: 2026-11-30
				tlp: GREEN
				readers:
				  orgs: {format: csv, path: orgs.csv}
				  links: {format: csv, path: links.csv}
				nodes:
				  - reader: orgs
				    label: Organisation
				    id: "org:%1$s-{code}"
				    name: "%2$s"
				    kind: company
				ties:
				  - reader: links
				    type: COOPERATES_WITH
				    from: "org:%1$s-{from}"
				    to: "org:%1$s-{to}"
				    role: "{role}"
				%3$s""".formatted(prefix, name, tieFields));
	}

	/** Organisations and cooperations among them, ids prefixed; {@code renamed} renames the first ones. */
	private static Path dataset(Path dir, String prefix, int orgs, int renamed) throws IOException {
		mapping(dir, prefix, "{name}", "");
		StringBuilder o = new StringBuilder("code,name\n");
		for (int i = 0; i < orgs; i++) {
			o.append(i).append(",Org ").append(prefix).append(' ').append(i).append((i < renamed) ? " renamed" : "")
				.append('\n');
		}
		Files.writeString(dir.resolve("orgs.csv"), o);
		StringBuilder l = new StringBuilder("from,to,role\n");
		for (int[] link : links(orgs)) {
			l.append(link[0]).append(',').append(link[1]).append(",partner\n");
		}
		Files.writeString(dir.resolve("links.csv"), l);
		return dir.resolve("mapping.yaml");
	}

	private static String checksum() {
		return backup.checksum().checksum();
	}

	private static void run(String cypher, Map<String, Object> parameters) {
		try (var session = driver.session()) {
			session.run(cypher, parameters).consume();
		}
	}

	private static long count(String cypher) {
		try (var session = driver.session()) {
			return session.run(cypher).single().get(0).asLong();
		}
	}

	/** Once the import has written {@code after} nodes, a concurrent writer takes an id a later batch will use. */
	private static Consumer<ImportProgress> raceAt(long after, String id, String label) {
		boolean[] done = { false };
		return (p) -> {
			if (!done[0] && p.phase().equals("writing nodes") && p.done() >= after) {
				done[0] = true;
				run("CREATE (n:Entity:" + label + " {id: $id, name: 'racer', tlp: 'CLEAR', tlpLevel: 0, "
						+ "access: ['tlp:CLEAR']})", Map.of("id", id));
			}
		};
	}

	@Test
	void aFailureInALateBatchOfACreateOnlyRunLeavesTheStoreAsBefore(@TempDir Path dir) throws IOException {
		Path mapping = dataset(dir, "bulk-a", 60, 0);
		String before = checksum();
		List<ImportProgress> seen = new ArrayList<>();
		Consumer<ImportProgress> race = raceAt(20, "org:bulk-a-55", "Organisation");
		ImportReport report = importer.run(mapping, false, RUNNER, (p) -> {
			seen.add(p);
			race.accept(p);
		});
		// Nodes 0-54 were in five batches before the one that hits the racer's id (a unique constraint refuses it).
		assertThat(report.written()).isFalse();
		assertThat(report.problems()).singleElement()
			.satisfies((p) -> assertThat(p.reason()).startsWith("writing batch 6 failed").contains("were undone"));
		assertThat(seen).anySatisfy((p) -> assertThat(p).isEqualTo(new ImportProgress("writing nodes", 50, 60, "nodes")));
		run("MATCH (n:Entity {id: 'org:bulk-a-55'}) DELETE n", Map.of());
		assertThat(checksum()).isEqualTo(before);
		assertThat(count("MATCH (n) WHERE n:ImportJournal OR n:ImportUndo RETURN count(n)")).isZero();
	}

	@Test
	void aFailureInALateBatchOfAMergeRunPutsBackWhatItUpdated(@TempDir Path dir) throws IOException {
		Path mapping = dataset(dir, "bulk-b", 40, 0);
		ImportReport first = importer.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(first.problems()).isEmpty();
		assertThat(first.written()).isTrue();
		assertThat(first.created()).isEqualTo(1 + 40 + links(40).size());
		try (var session = driver.session()) {
			var org = session.run("MATCH (n:Organisation {id: 'org:bulk-b-3'}) RETURN n").single().get("n").asNode();
			assertThat(org.get("sourceIds").asList()).containsExactly("source:bulk-b");
			assertThat(org.get("sourceLocators").asList()).containsExactly("orgs.csv:5");
			assertThat(org.get("tlp").asString()).isEqualTo("GREEN");
			assertThat(org.get("version").asLong()).isEqualTo(1);
		}
		// a create-only run: its events are entries of audit batches, one entry per item created
		assertThat(count("MATCH (e:AuditEvent) WHERE e.reason = 'import mapping.yaml (source:bulk-b)' RETURN count(e)"))
			.isZero();
		assertThat(count("MATCH (b:AuditBatch) WHERE b.reason = 'import mapping.yaml (source:bulk-b)' "
				+ "RETURN sum(size(b.items))")).isEqualTo(first.created());

		String afterFirst = checksum();
		ImportReport again = importer.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(again.created() + again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(first.created());
		assertThat(checksum()).as("a second run changes nothing").isEqualTo(afterFirst);

		// The changed source renames orgs 0-14 (updates, in the first batches) and adds orgs 40-59 (creates, later).
		mapping = dataset(dir, "bulk-b", 60, 15);
		ImportReport dry = importer.run(mapping, true, RUNNER, (p) -> {
		});
		assertThat(dry.problems()).isEmpty();
		assertThat(dry.updated()).isEqualTo(15);
		assertThat(checksum()).as("a dry run writes nothing").isEqualTo(afterFirst);

		// The racer is a Country with the id of org 55: the batch that reaches it finds the label wrong.
		ImportReport failed = importer.run(mapping, false, RUNNER, raceAt(20, "org:bulk-b-55", "Country"));
		assertThat(failed.written()).isFalse();
		assertThat(failed.problems()).singleElement()
			.satisfies((p) -> assertThat(p.reason()).isEqualTo("org:bulk-b-55 is a Country in the graph, not an Organisation"));
		run("MATCH (n:Entity {id: 'org:bulk-b-55'}) DELETE n", Map.of());
		assertThat(checksum()).as("renames put back, creations and their audit events gone").isEqualTo(afterFirst);

		ImportReport changed = importer.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(changed.problems()).isEmpty();
		assertThat(changed.updated()).isEqualTo(15);
		try (var session = driver.session()) {
			var org = session.run("MATCH (n:Organisation {id: 'org:bulk-b-3'}) RETURN n").single().get("n").asNode();
			assertThat(org.get("name").asString()).isEqualTo("Org bulk-b 3 renamed");
			assertThat(org.get("version").asLong()).isEqualTo(2);
		}
		assertThat(count("MATCH (e:AuditEvent {itemId: 'org:bulk-b-3', action: 'UPDATED'}) RETURN count(e)")).isOne();
	}

	/** The history statement's events of an item (with its ties' for a node when {@code withTies}), for grants. */
	private static List<Map<String, Object>> history(String id, boolean withTies, List<String> grants) {
		try (var session = driver.session()) {
			return session
				.run(new CypherStatements().text("editing/history"),
						Map.of("id", id, "endId", withTies ? id : "", "first", 500, "grants", grants))
				.list((r) -> {
					Map<String, Object> e = new java.util.HashMap<>(r.get("event").asMap());
					// what HistoryEvent.of reads: a date-time and a whole version
					e.put("at", r.get("event").get("at").asZonedDateTime());
					e.put("version", r.get("event").get("version").asInt());
					e.put("earlierHidden", r.get("earlierHidden").asBoolean());
					return e;
				});
		}
	}

	@Test
	void historyFindsEveryItemOfABatchAuditedImportWithItsSourceUnderItsMarking(@TempDir Path dir) throws IOException {
		Path mapping = dataset(dir, "bulk-h", 40, 0);
		ImportReport first = importer.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(first.problems()).isEmpty();
		int items = 40 + links(40).size();
		assertThat(first.created()).isEqualTo(1 + items);
		String reason = "import mapping.yaml (source:bulk-h)";
		assertThat(count("MATCH (e:AuditEvent {reason: '" + reason + "'}) RETURN count(e)")).as("no event per item")
			.isZero();
		// batches of 10 records: 4 of nodes (the Source node with the first), then the ties'
		assertThat(count("MATCH (b:AuditBatch {reason: '" + reason + "'}) RETURN count(b)")).isLessThanOrEqualTo(
				(items + 1 + 9) / 10 + 1);
		List<String> green = List.of("tlp:CLEAR", "tlp:GREEN");
		List<String> ties;
		try (var session = driver.session()) {
			ties = session.run("MATCH (:Organisation)-[r]->(:Organisation) WHERE r.id STARTS WITH 'org:bulk-h-' "
					+ "RETURN r.id AS id").list((r) -> r.get("id").asString());
		}
		assertThat(ties).hasSize(links(40).size());
		for (int i = 0; i < 40; i++) {
			String id = "org:bulk-h-" + i;
			int line = i + 2;
			assertThat(history(id, false, green)).as(id).singleElement().satisfies((e) -> {
				assertThat(e).containsEntry("action", "CREATED").containsEntry("itemId", id)
					.containsEntry("by", "import:test").containsEntry("role", "admin").containsEntry("reason", reason)
					.containsEntry("version", 1).containsEntry("access", List.of("tlp:GREEN"))
					.containsEntry("earlierHidden", false);
				assertThat((String) e.get("changes")).contains("\"bulk-h: orgs.csv:" + line + "\"")
					.contains("Org bulk-h " + (line - 2));
				assertThat(e.get("from")).isNull();
			});
			// a node's history with its ties: its own event and each of its ties' (the hub has many)
			long degree = ties.stream().filter((t) -> t.startsWith(id + "-") || t.contains("->" + id + "#")).count();
			assertThat(history(id, true, green)).as(id + " with ties").hasSize((int) (1 + degree));
			// the marking holds: a caller cleared for CLEAR only sees none of it
			assertThat(history(id, true, List.of("tlp:CLEAR"))).isEmpty();
		}
		for (String tie : ties) {
			assertThat(history(tie, false, green)).as(tie).singleElement().satisfies((e) -> {
				assertThat(e).containsEntry("action", "LINKED").containsEntry("itemId", tie);
				assertThat(tie).startsWith(e.get("from") + "-COOPERATES_WITH->" + e.get("to"));
				assertThat((String) e.get("changes")).contains("\"bulk-h: links.csv:");
			});
		}
		// an id that is a prefix of others, or differs only in case, finds nothing of theirs
		assertThat(history("org:bulk-h-", true, green)).isEmpty();
		assertThat(history("ORG:BULK-H-1", true, green)).isEmpty();

		// a later run takes the MERGE path (its nodes are stored): a change is an event of its own, newest first,
		// above the batch's; what it creates is batch-audited too
		ImportReport changed = importer.run(dataset(dir, "bulk-h", 45, 2), false, RUNNER, (p) -> {
		});
		assertThat(changed.problems()).isEmpty();
		assertThat(changed.updated()).isEqualTo(2);
		assertThat(changed.created()).isEqualTo(5 + links(45).size() - links(40).size());
		assertThat(history("org:bulk-h-1", false, green)).extracting((e) -> e.get("action"))
			.containsExactly("UPDATED", "CREATED");
		assertThat(count("MATCH (e:AuditEvent {reason: '" + reason + "'}) RETURN count(e)")).isEqualTo(2);
		for (int i = 40; i < 45; i++) {
			assertThat(history("org:bulk-h-" + i, false, green)).extracting((e) -> e.get("action"))
				.containsExactly("CREATED");
		}
	}

	/** Once the import writes ties (every node committed), a concurrent edit deletes a node a later tie batch names. */
	private static Consumer<ImportProgress> deleteAtFirstTies(String id) {
		boolean[] done = { false };
		return (p) -> {
			if (!done[0] && p.phase().equals("writing ties")) {
				done[0] = true;
				run("MATCH (n:Entity {id: $id}) DETACH DELETE n", Map.of("id", id));
			}
		};
	}

	@Test
	void aTieWhoseEndIsDeletedDuringAMergeRunIsAReportedProblemAndNothingIsWritten(@TempDir Path dir) throws IOException {
		Path mapping = dataset(dir, "bulk-d", 40, 0);
		String before = checksum();
		// Org 39 is the end of one tie only, the last record of links.csv (line 26), in the third tie batch.
		ImportReport report = new Importer(driver, new CypherStatements()).withBatchSize(10)
			.alwaysMerge()
			.run(mapping, false, RUNNER, deleteAtFirstTies("org:bulk-d-39"));
		assertThat(report.written()).isFalse();
		assertThat(report.problems()).anySatisfy((p) -> {
			assertThat(p.file()).isEqualTo("links.csv");
			assertThat(p.record()).isEqualTo("links.csv:26");
			assertThat(p.field()).isEqualTo("to");
			assertThat(p.reason()).contains("org:bulk-d-39").contains("not written");
		});
		assertThat(report.problems()).anySatisfy((p) -> assertThat(p.reason()).contains("nothing was written"));
		assertThat(checksum()).as("the run's nodes, ties and events undone").isEqualTo(before);
		assertThat(count("MATCH (n) WHERE n:ImportJournal OR n:ImportUndo RETURN count(n)")).isZero();
	}

	@Test
	void aTieWhoseEndIsDeletedDuringACreateOnlyRunIsAReportedProblemAndNothingIsWritten(@TempDir Path dir)
			throws IOException {
		Path mapping = dataset(dir, "bulk-e", 40, 0);
		String before = checksum();
		ImportReport report = importer.run(mapping, false, RUNNER, deleteAtFirstTies("org:bulk-e-39"));
		assertThat(report.written()).isFalse();
		assertThat(report.problems()).anySatisfy((p) -> {
			assertThat(p.record()).isEqualTo("links.csv:26");
			assertThat(p.field()).isEqualTo("to");
			assertThat(p.reason()).contains("org:bulk-e-39");
		});
		assertThat(checksum()).isEqualTo(before);
	}

	@Test
	void aTieWhoseStoredEndIsDeletedBeforeAnInMemoryRunWritesIsAReportedProblem(@TempDir Path dir) throws IOException {
		Path first = dataset(dir, "bulk-f", 10, 0);
		assertThat(importer.run(first, false, RUNNER, (p) -> {
		}).written()).isTrue();
		// A tie found by name is planned in memory and written in one transaction: its stored end goes in between.
		Path more = Files.createDirectories(dir.resolve("more"));
		Files.writeString(more.resolve("mapping.yaml"), """
				dataset:
				  id: source:bulk-f2
				  title: Bulk fixture f2
				  publisher: Partner Atlas tests
				  licence: CC0
				  version: "1"
				  retrieved: 2026-11-30
				tlp: GREEN
				readers:
				  links: {format: csv, path: links.csv}
				ties:
				  - reader: links
				    type: COOPERATES_WITH
				    from: "org:bulk-f-{from}"
				    to: {name: "{to}", label: Organisation}
				""");
		Files.writeString(more.resolve("links.csv"), "from,to\n1,Org bulk-f 2\n4,Org bulk-f 5\n");
		boolean[] done = { false };
		ImportReport report = importer.run(more.resolve("mapping.yaml"), false, RUNNER, (p) -> {
			if (!done[0] && p.phase().equals("comparing")) {
				done[0] = true;
				run("MATCH (n:Entity {id: 'org:bulk-f-5'}) DETACH DELETE n", Map.of());
			}
		});
		assertThat(done[0]).as("the in-memory path ran").isTrue();
		assertThat(report.written()).isFalse();
		assertThat(report.problems()).singleElement().satisfies((p) -> {
			assertThat(p.record()).isEqualTo("links.csv:3");
			assertThat(p.field()).isEqualTo("to");
			assertThat(p.reason()).contains("org:bulk-f-5");
		});
		assertThat(count("MATCH ()-[r]->() WHERE 'source:bulk-f2' IN r.sourceIds RETURN count(r)"))
			.as("the other tie is not written either").isZero();
		assertThat(count("MATCH (n:Entity {id: 'source:bulk-f2'}) RETURN count(n)")).isZero();
		assertThat(count("MATCH (e:AuditEvent) WHERE e.reason CONTAINS 'source:bulk-f2' RETURN count(e)")).isZero();
	}

	@Test
	void aRunKilledBetweenBatchesIsUndoneAtTheNextStart(@TempDir Path dir) throws IOException {
		Path mapping = dataset(dir, "bulk-c", 60, 0);
		String before = checksum();
		assertThatThrownBy(() -> importer.run(mapping, false, RUNNER, (p) -> {
			if (p.phase().equals("writing ties") && p.done() >= 30) {
				throw new Killed();
			}
		})).isInstanceOf(Killed.class);
		assertThat(count("MATCH (j:ImportJournal) RETURN count(j)")).isGreaterThan(5);
		// the next start: its one state statement sees the journal, and the start undoes the run
		new SeedLoader(new SchemaRunner(driver), new GraphWriter(driver, new CypherStatements()), driver,
				new AtlasProperties(null, Duration.ofSeconds(10), new AtlasProperties.Seed(false, "classpath*:seed-data/"),
						"neo4j"),
				new CypherStatements())
			.run(null);
		assertThat(count("MATCH (j:ImportJournal) RETURN count(j)")).isZero();
		assertThat(count("MATCH (u:ImportUndo) RETURN count(u)")).isZero();
		assertThat(checksum()).isEqualTo(before);
		assertThat(ImportBatches.recover(driver, new CypherStatements())).isZero();
	}

	/**
	 * A hub (org 0) with a tie to and from every other node, in batches of 10 records: the MERGE path finds each stored
	 * tie by its id between its two ends, whichever batch the hub's ties fall in. A re-run changes nothing; a changed
	 * date on one hub tie is that tie's update only (its version, one UPDATED event, the others untouched); a stored
	 * tie between the same ends with another role is a tie of its own, neither matched nor overwritten.
	 */
	@Test
	void theMergePathFindsAHubsStoredTiesByIdInEveryBatch(@TempDir Path dir) throws IOException {
		mapping(dir, "bulk-g", "Org g {code}", "    start: \"{start}\"\n");
		StringBuilder orgs = new StringBuilder("code\n");
		for (int i = 0; i < 30; i++) {
			orgs.append(i).append('\n');
		}
		Files.writeString(dir.resolve("orgs.csv"), orgs);
		IntFunction<String> links = (changed) -> {
			StringBuilder l = new StringBuilder("from,to,role,start\n");
			for (int i = 1; i < 30; i++) {
				l.append("0,").append(i).append(",partner,").append((i == changed) ? "2021" : "2020").append('\n');
				l.append(i).append(",0,member,2020\n");
			}
			return l.toString();
		};
		Files.writeString(dir.resolve("links.csv"), links.apply(-1));
		Path mapping = dir.resolve("mapping.yaml");
		ImportReport first = importer.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(first.problems()).isEmpty();
		assertThat(first.created()).isEqualTo(1 + 30 + 58);
		// a stored tie between the hub and org 7 with another role: not the import's, never to be matched
		run("MATCH (a:Entity {id: 'org:bulk-g-0'}), (b:Entity {id: 'org:bulk-g-7'}) "
				+ "CREATE (a)-[:COOPERATES_WITH {id: 'org:bulk-g-0-COOPERATES_WITH->org:bulk-g-7#observer', "
				+ "role: 'observer', start: '2019', tlp: 'GREEN', tlpLevel: 1, access: ['tlp:GREEN'], version: 1, "
				+ "sourceIds: ['source:bulk-g'], sourceLocators: ['by hand']}]->(b)", Map.of());
		String before = checksum();
		Importer merging = new Importer(driver, new CypherStatements()).withBatchSize(10).alwaysMerge();
		ImportReport again = merging.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(again.problems()).isEmpty();
		assertThat(again.created() + again.updated()).as("a re-run through the MERGE path").isZero();
		assertThat(again.unchanged()).isEqualTo(1 + 30 + 58);
		assertThat(checksum()).isEqualTo(before);

		Files.writeString(dir.resolve("links.csv"), links.apply(23));
		ImportReport changed = merging.run(mapping, false, RUNNER, (p) -> {
		});
		assertThat(changed.problems()).isEmpty();
		assertThat(changed.updated()).isOne();
		assertThat(changed.created()).isZero();
		try (var session = driver.session()) {
			var ties = session
				.run("MATCH (:Entity {id: 'org:bulk-g-0'})-[r]-() RETURN r.id AS id, r.start AS start, r.version AS v")
				.list((r) -> Map.of("id", r.get("id").asString(), "start", r.get("start").asString(), "v",
						r.get("v").asLong()));
			assertThat(ties).hasSize(59)
				.contains(Map.of("id", "org:bulk-g-0-COOPERATES_WITH->org:bulk-g-23#partner", "start", "2021", "v", 2L))
				.contains(Map.of("id", "org:bulk-g-0-COOPERATES_WITH->org:bulk-g-7#observer", "start", "2019", "v", 1L))
				.filteredOn((t) -> !t.get("id").equals("org:bulk-g-0-COOPERATES_WITH->org:bulk-g-23#partner"))
				.allSatisfy((t) -> assertThat(t.get("v")).isEqualTo(1L));
		}
		assertThat(count("MATCH (e:AuditEvent {action: 'UPDATED'}) WHERE e.itemId STARTS WITH 'org:bulk-g-' "
				+ "RETURN count(e)")).isOne();
	}

	/**
	 * Distinct cooperations among the first {@code orgs} of 60 organisations, the lower id first; those among the first
	 * 40 come first, so that the file of 40 is the start of the file of 60 (every record keeps its line, its locator).
	 */
	private static List<int[]> links(int orgs) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<int[]> links = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			int a = i % 60;
			int b = (i * 7 + 3) % 60;
			int from = Math.min(a, b);
			int to = Math.max(a, b);
			if (from != to && seen.add(from + "-" + to)) {
				links.add(new int[] { from, to });
			}
		}
		links.sort(java.util.Comparator.comparingInt((int[] l) -> (l[1] < 40) ? 0 : 1));
		return links.stream().filter((l) -> l[1] < orgs).toList();
	}

	/** Stands for the process being killed: not an exception the importer handles. */
	static final class Killed extends Error {

		Killed() {
			super("killed", null, false, false);
		}

	}

}
