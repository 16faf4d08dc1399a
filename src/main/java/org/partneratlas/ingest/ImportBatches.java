package org.partneratlas.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
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

	/**
	 * Audit events of creations an {@code AuditBatch} node stands for (a streamed run's; an update's event is a node of
	 * its own, with the state before it). One node a change (14 properties,
	 * three range-index entries) was about half the store's work per tie (bench/results/2026-11-30-import.md); a batch
	 * node is one full-text document. History reads a whole batch node to find an item's entry, so a batch stays small
	 * enough that a node with many ties reads little (500 entries of about 400 bytes of changes each: some 200 kB).
	 */
	static final int AUDIT_BATCH = 500;

	private final Driver driver;

	private final CypherStatements statements;

	private final String run;

	private final boolean createOnly;

	/** Batches committed; written by the writer thread, read after {@link #await()}. */
	private volatile int batches;

	/** Batches prepared (the journal's batch number), on the caller's thread. */
	private int prepared;

	private java.util.concurrent.@org.jspecify.annotations.Nullable ExecutorService writer;

	private java.util.concurrent.@org.jspecify.annotations.Nullable Future<?> pending;

	ImportBatches(Driver driver, CypherStatements statements, String run, boolean createOnly) {
		this.driver = driver;
		this.statements = statements;
		this.run = run;
		this.createOnly = createOnly;
	}

	/** Batches written so far (committed). */
	int batches() {
		return this.batches;
	}

	/**
	 * Writes one batch of changes (nodes before ties) with their audit events and its journal, in one transaction, on
	 * the writer thread: hands the batch over and returns at once, so that the caller reads, checks and prepares the next
	 * batch while this one commits (the client's share of the work, about a third of the CPU time in the profile of
	 * bench/results/2026-11-30-import.md, then overlaps the server's). Batches still commit one after another, in
	 * order: the previous one must have committed before this one is handed over, and its failure is thrown here.
	 */
	void submit(List<Importer.Change> changes, List<Map<String, Object>> events) {
		Prepared batch = prepare(changes, events);
		await();
		if (this.writer == null) {
			this.writer = java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform()
				.name("import-writer")
				.daemon(true)
				.factory());
		}
		this.pending = this.writer.submit(() -> execute(batch));
	}

	/** Waits for the batch handed over last to commit; throws its failure. */
	void await() {
		java.util.concurrent.Future<?> last = this.pending;
		this.pending = null;
		if (last == null) {
			return;
		}
		try {
			last.get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException r) {
				throw r;
			}
			if (ex.getCause() instanceof Error e) {
				throw e;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while a batch was written", ex);
		}
	}

	/**
	 * Waits for the batch in flight without throwing (the run is failing already: a batch that failed wrote nothing,
	 * one that committed is in the journal) and stops the writer thread.
	 */
	void close() {
		try {
			await();
		}
		catch (RuntimeException | Error ex) {
			log.debug("Import {}: the batch in flight failed too", this.run, ex);
		}
		if (this.writer != null) {
			this.writer.shutdown();
		}
	}

	/** A batch made ready on the caller's thread: its statements' parameters. */
	private record Prepared(int batch, List<Map<String, Object>> nodeRows, List<Map<String, Object>> tieRows,
			List<Importer.Change> ties, List<String> updatedNodes, List<Map<String, Object>> updatedTies,
			List<Map<String, Object>> events, List<Map<String, Object>> auditBatches, Map<String, Object> journal) {
	}

	private Prepared prepare(List<Importer.Change> changes, List<Map<String, Object>> events) {
		List<Map<String, Object>> nodeRows = new ArrayList<>();
		List<Map<String, Object>> tieRows = new ArrayList<>();
		List<Importer.Change> ties = new ArrayList<>();
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
				tieRows.add(tieRow(change));
				ties.add(change);
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
		int batch = ++this.prepared;
		Map<String, Object> journal = new HashMap<>();
		journal.put("run", this.run);
		journal.put("batch", batch);
		journal.put("nodes", createdNodes);
		journal.put("tieIds", createdTieIds);
		journal.put("tieFroms", createdTieFroms);
		journal.put("updated", updated);
		// A creation's event goes into an audit batch (on both paths: nothing was there before it, so it has no earlier
		// state to hide); an update's is an event of its own, with the state before it.
		List<Map<String, Object>> created = new ArrayList<>();
		List<Map<String, Object>> changed = new ArrayList<>();
		for (Map<String, Object> event : events) {
			boolean creation = "CREATED".equals(event.get("action")) || "LINKED".equals(event.get("action"));
			(creation ? created : changed).add(event);
		}
		return new Prepared(batch, nodeRows, tieRows, ties, updatedNodes, updatedTies, changed, auditBatches(created),
				journal);
	}

	/**
	 * The audit events of a batch's creations as {@code AuditBatch} nodes of up to {@link #AUDIT_BATCH} entries
	 * (ingest/record-batch-events.cypher says the shape): what the events share once, what each says in lists, an
	 * entry at the same index of each list. Every event of a run shares who, role, request id and reason.
	 */
	static List<Map<String, Object>> auditBatches(List<Map<String, Object>> events) {
		List<Map<String, Object>> batches = new ArrayList<>();
		for (int start = 0; start < events.size(); start += AUDIT_BATCH) {
			List<Map<String, Object>> slice = events.subList(start, Math.min(events.size(), start + AUDIT_BATCH));
			Map<String, Object> first = slice.get(0);
			int n = slice.size();
			List<String> items = new ArrayList<>(n);
			List<String> actions = new ArrayList<>(n);
			List<String> froms = new ArrayList<>(n);
			List<String> tos = new ArrayList<>(n);
			List<Object> versions = new ArrayList<>(n);
			List<String> changes = new ArrayList<>(n);
			List<String> accesses = new ArrayList<>(n);
			StringBuilder itemText = new StringBuilder();
			StringBuilder fromText = new StringBuilder();
			StringBuilder toText = new StringBuilder();
			for (Map<String, Object> event : slice) {
				for (String shared : List.of("by", "role", "requestId", "reason")) {
					if (!java.util.Objects.equals(event.get(shared), first.get(shared))) {
						throw new IllegalStateException("the events of one audit batch differ in " + shared);
					}
				}
				if (event.get("accessBefore") != null) {
					throw new IllegalStateException("a create-only import's event has an earlier state: " + event.get("itemId"));
				}
				String item = token((String) event.get("itemId"));
				String from = (event.get("from") != null) ? token((String) event.get("from")) : "";
				String to = (event.get("to") != null) ? token((String) event.get("to")) : "";
				items.add(item);
				actions.add((String) event.get("action"));
				froms.add(from);
				tos.add(to);
				versions.add(event.get("version"));
				changes.add((String) event.get("changes"));
				List<?> access = (List<?>) event.get("access");
				StringBuilder joined = new StringBuilder();
				for (Object grant : access) {
					joined.append(joined.isEmpty() ? "" : " ").append(token(String.valueOf(grant)));
				}
				accesses.add(joined.toString());
				itemText.append(itemText.isEmpty() ? "" : " ").append(item);
				if (!from.isEmpty()) {
					fromText.append(fromText.isEmpty() ? "" : " ").append(from);
				}
				if (!to.isEmpty()) {
					toText.append(toText.isEmpty() ? "" : " ").append(to);
				}
			}
			Map<String, Object> batch = new HashMap<>();
			batch.put("id", java.util.UUID.randomUUID().toString());
			batch.put("by", first.get("by"));
			batch.put("role", first.get("role"));
			batch.put("requestId", first.get("requestId"));
			batch.put("reason", first.get("reason"));
			batch.put("items", items);
			batch.put("actions", actions);
			batch.put("froms", froms);
			batch.put("tos", tos);
			batch.put("versions", versions);
			batch.put("changes", changes);
			batch.put("accesses", accesses);
			batch.put("itemText", itemText.toString());
			batch.put("fromText", fromText.toString());
			batch.put("toText", toText.toString());
			batches.add(batch);
		}
		return batches;
	}

	/** An id or grant as a whitespace-free token (the rules allow none in ids; this says so if one slipped through). */
	private static String token(String value) {
		if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalStateException("an id or grant with whitespace or none cannot be batch-audited: '" + value + "'");
		}
		return value;
	}

	/**
	 * A statement an import runs once a batch, never replanned while the import runs ({@code CYPHER replan=skip}): the
	 * import changes the store's statistics so fast that Neo4j found every cached plan stale and planned it again,
	 * over and over (a quarter of the CPU samples of a MERGE run at S were Cypher planning, recurring all through the
	 * run: bench/results/2026-12-01-importspeed.md). These statements' plans do not depend on statistics: each finds
	 * nodes by the unique {@code Entity.id} index and relationships between two bound ends.
	 */
	static String batchStatement(CypherStatements statements, String name) {
		return "CYPHER replan=skip\n" + statements.text(name);
	}

	static Map<String, Object> tieRow(Importer.Change change) {
		Map<String, Object> row = RecordRules.row(change.tie(), change.props());
		row.put("id", change.id());
		return row;
	}

	private void execute(Prepared p) {
		try (var session = this.driver.session()) {
			session.executeWriteWithoutResult((tx) -> {
				if (!p.updatedNodes().isEmpty()) {
					tx.run(batchStatement(this.statements, "ingest/import-undo-nodes"),
							Map.of("run", this.run, "ids", p.updatedNodes()))
						.consume();
				}
				if (!p.updatedTies().isEmpty()) {
					tx.run(batchStatement(this.statements, "ingest/import-undo-ties"), Map.of("run", this.run, "rows", p.updatedTies()))
						.consume();
				}
				if (!p.nodeRows().isEmpty()) {
					writeNodes(tx, this.statements, this.createOnly, p.nodeRows());
				}
				if (!p.tieRows().isEmpty()) {
					writeTies(tx, this.statements, this.createOnly, p.tieRows(), p.ties());
				}
				if (!p.events().isEmpty()) {
					recordEvents(tx, this.statements, p.events());
				}
				if (!p.auditBatches().isEmpty()) {
					int created = tx.run(batchStatement(this.statements, "ingest/record-batch-events"),
							Map.of("batches", p.auditBatches()))
						.consume()
						.counters()
						.nodesCreated();
					if (created != p.auditBatches().size()) {
						throw new IllegalStateException(
								"recorded " + created + " of " + p.auditBatches().size() + " audit batches");
					}
				}
				tx.run(batchStatement(this.statements, "ingest/import-journal"), Map.of("journal", p.journal())).consume();
			}, BATCH);
		}
		this.batches = p.batch();
	}

	/** Writes node rows; every row is a node written (a CREATE or MERGE of a row cannot come back empty). */
	static void writeNodes(TransactionContext tx, CypherStatements statements, boolean createOnly,
			List<Map<String, Object>> rows) {
		var counters = tx.run(batchStatement(statements, createOnly ? "ingest/create-nodes" : "ingest/import-nodes"),
				Map.of("rows", rows))
			.consume()
			.counters();
		if (createOnly && counters.nodesCreated() != rows.size()) {
			throw new IllegalStateException("created " + counters.nodesCreated() + " of " + rows.size() + " nodes");
		}
	}

	/**
	 * Writes tie rows ({@code ties} their changes, in the same order) and checks that every row was written: a row
	 * whose end is not in the store matches nothing and would otherwise be dropped without a word (the ends were
	 * checked before, but an edit may delete one in between). Throws {@link MissingEnds} naming each tie not written.
	 */
	static void writeTies(TransactionContext tx, CypherStatements statements, boolean createOnly,
			List<Map<String, Object>> rows, List<Importer.Change> ties) {
		long written;
		if (createOnly) {
			written = tx.run(batchStatement(statements, "ingest/create-ties"), Map.of("rows", rows))
				.consume()
				.counters()
				.relationshipsCreated();
		}
		else {
			written = tx.run(batchStatement(statements, "ingest/import-ties"), Map.of("rows", rows))
				.single()
				.get("written")
				.asLong();
		}
		if (written == rows.size()) {
			return;
		}
		java.util.Set<String> ends = new java.util.LinkedHashSet<>();
		for (Importer.Change tie : ties) {
			ends.add(tie.tie().from());
			ends.add(tie.tie().to());
		}
		java.util.Set<String> missing = new java.util.HashSet<>(tx
			.run(statements.text("ingest/missing-ends"), Map.of("ids", List.copyOf(ends)))
			.list((r) -> r.get("id").asString()));
		List<MissingEnds.Dropped> dropped = new ArrayList<>();
		for (Importer.Change tie : ties) {
			if (missing.contains(tie.tie().from())) {
				dropped.add(new MissingEnds.Dropped(tie.at(), "from", tie.tie().from(), tie.id()));
			}
			else if (missing.contains(tie.tie().to())) {
				dropped.add(new MissingEnds.Dropped(tie.at(), "to", tie.tie().to(), tie.id()));
			}
		}
		throw new MissingEnds(written, rows.size(), dropped);
	}

	/** Appends audit events; each one must be there. */
	static void recordEvents(TransactionContext tx, CypherStatements statements, List<Map<String, Object>> events) {
		int created = tx.run(batchStatement(statements, "ingest/record-events"), Map.of("events", events))
			.consume()
			.counters()
			.nodesCreated();
		if (created != events.size()) {
			throw new IllegalStateException("recorded " + created + " of " + events.size() + " audit events");
		}
	}

	/**
	 * Ties that could not be written because an end is not in the store: the transaction is rolled back, and the
	 * importer reports each one (its record, the end's field, the missing id).
	 */
	static final class MissingEnds extends RuntimeException {

		/**
		 * A tie not written.
		 *
		 * @param at the record that made it
		 * @param field {@code from} or {@code to}
		 * @param end the missing node's id
		 * @param tie the tie's id
		 */
		record Dropped(String at, String field, String end, String tie) {
		}

		private final transient List<Dropped> dropped;

		MissingEnds(long written, int sent, List<Dropped> dropped) {
			super("wrote " + written + " of " + sent + " relationships: "
					+ (dropped.isEmpty() ? "the store refused some" : dropped.size() + " have an end that is not in the store"),
					null, false, false);
			this.dropped = List.copyOf(dropped);
		}

		List<Dropped> dropped() {
			return this.dropped;
		}

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
				.run(statements.text("ingest/rollback-journal"), Map.of("run", run), BATCH)
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
					(tx) -> tx.run(statements.text("ingest/rollback-batch-events"), Map.of("run", run)).consume(), BATCH);
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
			runs = session.run(statements.text("ingest/import-runs"), BATCH).list((r) -> r.get("run").asString());
		}
		for (String run : runs) {
			log.warn("Import {} did not finish: undoing what it wrote", run);
			rollback(driver, statements, run);
		}
		forgetUndo(driver, statements, null);
		return runs.size();
	}

}
