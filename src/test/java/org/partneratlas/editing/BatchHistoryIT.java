package org.partneratlas.editing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.SchemaRunner;
import org.partneratlas.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History reads an entry of an {@code AuditBatch} (a create-only import's events) as the event it stands for, through
 * the same mapping as an {@code AuditEvent}: the API's answer for a bulk-imported item (the import's side is in
 * {@code ImportBatchesIT}).
 */
class BatchHistoryIT {

	private static Driver driver;

	private static final CypherStatements STATEMENTS = new CypherStatements();

	@BeforeAll
	static void store() {
		driver = TestNeo4j.fixtures();
		new SchemaRunner(driver).apply();
		try (var session = driver.session()) {
			session.run("""
					CREATE (:Entity:Organisation {id: 'org:bh-a', name: 'A', tlp: 'GREEN', access: ['tlp:GREEN']})
					CREATE (:Entity:Organisation {id: 'org:bh-b', name: 'B', tlp: 'RED', access: ['red:org:bh-b']})""")
				.consume();
			Map<String, Object> batch = new HashMap<>();
			batch.put("id", "bh-batch");
			batch.put("by", "import:bh");
			batch.put("role", "admin");
			batch.put("requestId", "import-bh");
			batch.put("reason", "import m.yaml (source:bh)");
			batch.put("items", List.of("org:bh-a", "org:bh-b", "org:bh-a-FUNDS->org:bh-b#funder"));
			batch.put("actions", List.of("CREATED", "CREATED", "LINKED"));
			batch.put("froms", List.of("", "", "org:bh-a"));
			batch.put("tos", List.of("", "", "org:bh-b"));
			batch.put("versions", List.of(1, 1, 1));
			batch.put("changes", List.of("[{\"key\":\"name\",\"before\":[],\"after\":[\"A\"]}]",
					"[{\"key\":\"name\",\"before\":[],\"after\":[\"B\"]}]", "[]"));
			batch.put("accesses", List.of("tlp:GREEN", "red:org:bh-b", "tlp:GREEN"));
			batch.put("itemText", "org:bh-a org:bh-b org:bh-a-FUNDS->org:bh-b#funder");
			batch.put("fromText", "org:bh-a");
			batch.put("toText", "org:bh-b");
			session.run(STATEMENTS.text("ingest/record-batch-events"), Map.of("batches", List.of(batch))).consume();
		}
	}

	private static List<HistoryEvent> history(String id, boolean withTies, List<String> grants) {
		try (var session = driver.session()) {
			return session
				.run(STATEMENTS.text("editing/history"),
						Map.of("id", id, "endId", withTies ? id : "", "first", 50, "grants", grants))
				.list((r) -> HistoryEvent.of(r.get("event"), r.get("earlierHidden").asBoolean()));
		}
	}

	@Test
	void anEntryOfABatchReadsAsTheEventItStandsFor() {
		assertThat(history("org:bh-a", false, List.of("tlp:CLEAR", "tlp:GREEN"))).singleElement().satisfies((e) -> {
			assertThat(e.id()).isEqualTo("bh-batch/0");
			assertThat(e.action()).isEqualTo(HistoryEvent.Action.CREATED);
			assertThat(e.by()).isEqualTo("import:bh");
			assertThat(e.requestId()).isEqualTo("import-bh");
			assertThat(e.reason()).isEqualTo("import m.yaml (source:bh)");
			assertThat(e.version()).isEqualTo(1);
			assertThat(e.from()).isNull();
			assertThat(e.earlierHidden()).isFalse();
			assertThat(e.changes()).containsExactly(new HistoryEvent.Change("name", List.of(), List.of("A")));
			assertThat(e.at()).endsWith("Z");
		});
	}

	@Test
	void aTiesEntryNeedsBothEndsVisibleAndAnItemsEntryItsOwnMarking() {
		// the tie is GREEN, but its end B is RED for B's own organisation only
		assertThat(history("org:bh-a", true, List.of("tlp:CLEAR", "tlp:GREEN"))).extracting(HistoryEvent::itemId)
			.containsExactly("org:bh-a");
		assertThat(history("org:bh-a", true, List.of("tlp:CLEAR", "tlp:GREEN", "red:org:bh-b")))
			.extracting(HistoryEvent::itemId)
			.containsExactlyInAnyOrder("org:bh-a", "org:bh-a-FUNDS->org:bh-b#funder");
		assertThat(history("org:bh-b", false, List.of("tlp:CLEAR", "tlp:GREEN"))).isEmpty();
		assertThat(history("org:bh-b", true, List.of("red:org:bh-b"))).extracting(HistoryEvent::itemId)
			.containsExactly("org:bh-b");
		// a quote or a backslash in the id asked for is a term, not query syntax
		assertThat(history("org:bh-a\" OR itemText:org", true, List.of("tlp:GREEN"))).isEmpty();
		assertThat(history("org:bh-a\\", true, List.of("tlp:GREEN"))).isEmpty();
	}

}
