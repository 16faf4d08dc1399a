package org.partneratlas.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.partneratlas.graph.CypherStatements;

/**
 * Writes a streamed import batch by batch, each batch its own transaction, and keeps the run all-or-nothing: every
 * batch writes, in its own transaction, an {@code ImportJournal} node naming what it created and what it updated, and
 * an {@code ImportUndo} copy of each updated node and relationship as it was. When a batch fails, {@link #rollback()}
 * deletes what the earlier batches created, puts back what they updated and deletes their audit events, so the store is
 * as it was (the checksum says so in {@code ImportBatchesIT}). {@link #commit()} deletes the journal in one
 * transaction: that is the run's commit point. A run cut off before it (the process killed) leaves its journal, and
 * {@link #recover} undoes it at the next start.
 * <p>
 * Why not {@code CALL { } IN TRANSACTIONS}: it leaves earlier batches committed when a later one fails. Why not one
 * transaction: a million relationships and their audit events in one transaction need gigabytes of transaction state.
 * Concurrent readers may see a run's earlier batches before it commits (read-committed), and an edit of an item the run
 * updated, made while the run is going, is overwritten by a rollback: run large imports when no one edits.
 */
final class ImportBatches {

	private static final Logger log = LoggerFactory.getLogger(ImportBatches.class);

	private static final TransactionConfig BATCH = TransactionConfig.builder().withTimeout(Duration.ofMinutes(10)).build();

	private static final int SLICE = 5_000;

	private final Driver driver;

	private final CypherStatements statements;

	private final String run;

	private final boolean createOnly;

	private int batches;

	ImportBatches(Driver driver, CypherStatements statements, String run, boolean createOnly) {
		this.driver = driver;
		this.statements = statements;
		this.run = run;
		this.createOnly = createOnly;
	}

	/** Batches written so far. */
	int batches() {
		return this.batches;
	}

	/** Writes one batch of changes (nodes before ties) with their audit events and its journal, in one transaction. */
	void write(List<Importer.Change> changes, List<Map<String, Object>> events) {
		List<Map<String, Object>> nodeRows = new ArrayList<>();
		List<Map<String, Object>> tieRows = new ArrayList<>();
		List<String> createdNodes = new ArrayList<>();
		List<String> createdTieIds = new ArrayList<>();
		List<String> createdTieFroms = new ArrayList<>();
		List<String> updated = new ArrayList<>();
		List<String> updatedNodes = new ArrayList<>();
		List<Map<String, Object>> updatedTies = new ArrayList<>();
		for (Importer.Change change : changes) {
			boolean update = change.before() != null;
			if (change.tie() == null) {
				nodeRows.add(RecordRules.row(change.id(), change.label(), change.props()));
				if (update) {
					updated.add(change.id());
					updatedNodes.add(change.id());
				}
				else {
					createdNodes.add(change.id());
				}
			}
			else {
				Map<String, Object> row = RecordRules.row(change.tie(), change.props());
				row.put("id", change.id());
				tieRows.add(row);
				if (update) {
					updated.add(change.id());
					updatedTies.add(Map.of("id", change.id(), "from", change.tie().from()));
				}
				else {
					createdTieIds.add(change.id());
					createdTieFroms.add(change.tie().from());
				}
			}
		}
		if (this.createOnly && !updated.isEmpty()) {
			throw new IllegalStateException("a create-only import has updates: " + updated.subList(0, 1));
		}
		int batch = this.batches + 1;
		Map<String, Object> journal = new HashMap<>();
		journal.put("run", this.run);
		journal.put("batch", batch);
		journal.put("nodes", createdNodes);
		journal.put("tieIds", createdTieIds);
		journal.put("tieFroms", createdTieFroms);
		journal.put("updated", updated);
		try (var session = this.driver.session()) {
			session.executeWriteWithoutResult((tx) -> {
				if (!updatedNodes.isEmpty()) {
					tx.run(this.statements.text("ingest/import-undo-nodes"), Map.of("run", this.run, "ids", updatedNodes))
						.consume();
				}
				if (!updatedTies.isEmpty()) {
					tx.run(this.statements.text("ingest/import-undo-ties"), Map.of("run", this.run, "rows", updatedTies))
						.consume();
				}
				if (!nodeRows.isEmpty()) {
					tx.run(this.statements.text(this.createOnly ? "ingest/create-nodes" : "ingest/import-nodes"),
							Map.of("rows", nodeRows))
						.consume();
				}
				if (!tieRows.isEmpty()) {
					var counters = tx
						.run(this.statements.text(this.createOnly ? "ingest/create-ties" : "ingest/import-ties"),
								Map.of("rows", tieRows))
						.consume()
						.counters();
					if (this.createOnly && counters.relationshipsCreated() != tieRows.size()) {
						// An end vanished since the check (a concurrent delete): fail the batch, not half of it.
						throw new IllegalStateException("created " + counters.relationshipsCreated() + " of "
								+ tieRows.size() + " relationships: an end is missing");
					}
				}
				if (!events.isEmpty()) {
					tx.run(this.statements.text("ingest/record-events"), Map.of("events", events)).consume();
				}
				tx.run(this.statements.text("ingest/import-journal"), Map.of("journal", journal)).consume();
			}, BATCH);
		}
		this.batches = batch;
	}

	/** The run's commit point: its journal goes in one transaction, then the copies it kept. */
	void commit() {
		try (var session = this.driver.session()) {
			session.executeWriteWithoutResult(
					(tx) -> tx.run(this.statements.text("ingest/commit-run"), Map.of("run", this.run)).consume(), BATCH);
		}
		forgetUndo(this.driver, this.statements, this.run);
	}

	/** Undoes every batch the run wrote, newest first, and forgets its journal and copies. */
	void rollback() {
		rollback(this.driver, this.statements, this.run);
	}

	static void rollback(Driver driver, CypherStatements statements, String run) {
		try (var session = driver.session()) {
			List<org.neo4j.driver.Record> journals = session
				.run(statements.text("ingest/rollback-journal"), Map.of("run", run))
				.list();
			for (org.neo4j.driver.Record j : journals) {
				List<String> nodes = j.get("nodes").asList(Value::asString);
				List<String> tieIds = j.get("tieIds").asList(Value::asString);
				List<String> tieFroms = j.get("tieFroms").asList(Value::asString);
				List<String> updated = j.get("updated").asList(Value::asString);
				List<String> items = new ArrayList<>(nodes);
				items.addAll(tieIds);
				items.addAll(updated);
				List<Map<String, Object>> ties = new ArrayList<>();
				for (int i = 0; i < tieIds.size(); i++) {
					ties.add(Map.of("id", tieIds.get(i), "from", tieFroms.get(i)));
				}
				session.executeWriteWithoutResult((tx) -> {
					tx.run(statements.text("ingest/rollback-events"), Map.of("run", run, "ids", items)).consume();
					tx.run(statements.text("ingest/rollback-ties"), Map.of("rows", ties)).consume();
					tx.run(statements.text("ingest/rollback-nodes"), Map.of("ids", nodes)).consume();
				}, BATCH);
			}
			long done;
			do {
				done = session.executeWrite((tx) -> tx
					.run(statements.text("ingest/rollback-restore"), Map.of("run", run, "limit", SLICE))
					.single()
					.get("done")
					.asLong(), BATCH);
			}
			while (done > 0);
			session.executeWriteWithoutResult(
					(tx) -> tx.run(statements.text("ingest/commit-run"), Map.of("run", run)).consume(), BATCH);
		}
		log.warn("Import {} rolled back", run);
	}

	private static void forgetUndo(Driver driver, CypherStatements statements, @org.jspecify.annotations.Nullable String run) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("run", run);
		parameters.put("limit", SLICE);
		try (var session = driver.session()) {
			long done;
			do {
				done = session.executeWrite(
						(tx) -> tx.run(statements.text("ingest/forget-undo"), parameters).single().get("done").asLong(),
						BATCH);
			}
			while (done > 0);
		}
	}

	/**
	 * Undoes every streamed import that started and did not commit (its process was killed), and forgets copies left by
	 * runs that committed; answers how many runs were undone.
	 */
	static int recover(Driver driver, CypherStatements statements) {
		List<String> runs;
		try (var session = driver.session()) {
			runs = session.run(statements.text("ingest/import-runs")).list((r) -> r.get("run").asString());
		}
		for (String run : runs) {
			log.warn("Import {} did not finish: undoing what it wrote", run);
			rollback(driver, statements, run);
		}
		forgetUndo(driver, statements, null);
		return runs.size();
	}

}
