package org.partneratlas.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import tools.jackson.databind.JsonNode;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;

import org.springframework.stereotype.Component;

/**
 * Runs an import mapping: streams the records, builds a {@link NodeDraft} or {@link TieDraft} for each node and tie
 * the rules make (the same drafts and {@link RecordRules} the seed loader and the editing mutations use), finds each
 * tie's other end (by id, by ISO country name or code, by name or alias, through the mapping's crosswalk), compares
 * every item with the store and writes what changed, in one transaction with one audit event per change, or nothing
 * when anything is wrong or on a dry run.
 * <p>
 * A node or tie the curated graph already holds (cited by any source other than the dataset) is matched, never
 * overwritten: it gains the dataset's citation, and every value the dataset states differently or in addition is
 * kept beside the curated one in {@code otherStatements} ({@code "lengthKm: 11700 [source:x: cable/raman.json]"})
 * and, where it differs, listed as a conflict.
 */
@Component
public class Importer {

	private static final int BATCH = 2_000;

	private static final Set<String> NODE_RULE_KEYS = Set.of("reader", "each", "split", "label", "id", "match",
			"unique", "properties", "name", "acronym", "aliases", "kind", "description", "status", "confidence",
			"start", "end", "sector", "euStatus", "iso3", "lengthKm", "corridor", "url", "seat", "tlp", "owner",
			"recipients");

	private static final Set<String> TIE_RULE_KEYS = Set.of("reader", "each", "split", "type", "from", "to", "role",
			"status", "confidence", "start", "end", "tlp", "owner", "recipients", "properties");

	private static final Set<String> NODE_FIELDS = Set.of("name", "acronym", "aliases", "kind", "description",
			"status", "confidence", "start", "end", "sector", "euStatus", "iso3", "lengthKm", "corridor", "url", "seat",
			"tlp", "owner", "recipients");

	private static final Set<String> TIE_FIELDS = Set.of("status", "confidence", "start", "end", "tlp", "owner",
			"recipients");

	private final Driver driver;

	private final CypherStatements statements;

	private final org.partneratlas.graph.@Nullable DataVersion version;

	public Importer(Driver driver, CypherStatements statements) {
		this(driver, statements, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	public Importer(Driver driver, CypherStatements statements, org.partneratlas.graph.@Nullable DataVersion version) {
		this.driver = driver;
		this.statements = statements;
		this.version = version;
	}

	/**
	 * Who runs an import, as the audit trail names them.
	 *
	 * @param name who
	 * @param role their role
	 */
	public record Runner(String name, String role) {
	}

	/** Runs a mapping; on a dry run, or when anything is wrong, nothing is written. */
	public ImportReport run(Path mappingFile, boolean dryRun, Runner runner, Consumer<ImportProgress> progress) {
		long started = System.nanoTime();
		List<ImportReport.Problem> problems = new ArrayList<>();
		Mapping mapping = Mapping.read(mappingFile, problems);
		Plan plan = new Plan(mapping, problems);
		plan.names = this::names;
		if (problems.isEmpty()) {
			plan.checkRules();
		}
		if (problems.isEmpty() && streamable(mapping)) {
			ImportReport streamed = streamed(mappingFile, mapping, dryRun, runner, progress, started);
			if (streamed != null) {
				return streamed;
			}
		}
		if (problems.isEmpty()) {
			// Read and resolve everything even when a record has problems: the report lists them all at once.
			plan.read((line) -> progress.accept(new ImportProgress("reading", plan.read, -1, "records")));
			plan.resolve(this::fetch);
			progress.accept(new ImportProgress("comparing", plan.nodes.size() + plan.ties.size(),
					plan.nodes.size() + plan.ties.size(), "items"));
		}
		if (problems.isEmpty()) {
			plan.diff(this::fetch, this::fetchTies);
		}
		boolean written = false;
		if (problems.isEmpty() && !dryRun && !plan.changes.isEmpty()) {
			try {
				write(plan, runner, mappingFile);
				written = true;
			}
			catch (ImportBatches.MissingEnds missing) {
				// The one transaction rolled back: nothing was written.
				problems.addAll(problems(missing));
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new ImportReport(String.valueOf(mappingFile.getFileName()), dryRun, written, plan.read, plan.created,
				plan.updated, plan.unchanged, plan.nodes.size(), plan.ties.size(), millis, plan.conflicts,
				List.copyOf(problems));
	}

	/**
	 * Whether a mapping may be streamed: no node is matched by name (the names of the whole import would be needed
	 * before the first write) and no tie finds an end by name. A streamed run falls back to the in-memory plan when its
	 * first pass finds a node or tie made by more than one record (their citations are merged across the whole import).
	 */
	static boolean streamable(Mapping mapping) {
		for (Mapping.Rule rule : mapping.nodes()) {
			if (rule.get("match") != null) {
				return false;
			}
		}
		for (Mapping.Rule rule : mapping.ties()) {
			for (String end : List.of("from", "to")) {
				if (rule.get(end) instanceof Map<?, ?> m && m.containsKey("name")) {
					return false;
				}
			}
		}
		return true;
	}

	/** Records a streamed import reads between two writes (a batch: one transaction of their nodes or ties). */
	private int batchSize = 5_000;

	/** Whether a streamed import into a store that holds none of its ids may create without looking up. */
	private boolean createOnlyAllowed = true;

	/** Makes every streamed run take the MERGE path (the command's {@code --always-merge}, for comparisons). */
	public Importer alwaysMerge() {
		this.createOnlyAllowed = false;
		return this;
	}

	/** The batch size (tests make it small, to have many batches). */
	Importer withBatchSize(int records) {
		this.batchSize = records;
		return this;
	}

	/** Thrown to stop a streamed run at the first problem found while writing. */
	private static final class Abort extends RuntimeException {

		Abort() {
			super("problems found while writing", null, false, false);
		}

	}

	/**
	 * The streamed import: a first pass reads every record and checks it (the rules, every tie's ends) keeping only the
	 * ids of the import's nodes and a hash of each tie's id; a second pass reads the records again, a batch at a time,
	 * compares each batch with the store and writes it in its own transaction ({@link ImportBatches} keeps the run
	 * all-or-nothing). When no node of the import is in the store yet and every tie touches one of them, nothing can
	 * be there to compare with: the second pass creates without looking anything up. Answers null when an id is made
	 * by more than one record (the in-memory plan then runs).
	 */
	private @Nullable ImportReport streamed(Path mappingFile, Mapping mapping, boolean dryRun, Runner runner,
			Consumer<ImportProgress> progress, long started) {
		List<ImportReport.Problem> problems = new ArrayList<>();
		Plan check = new Plan(mapping, problems);
		check.names = this::names;
		boolean[] repeated = { false };
		long[] ties = { 0 };
		long[] bothStored = { 0 };
		LongSet tieIds = new LongSet();
		check.read(Plan.Pass.NODES, this.batchSize, () -> {
			check.nodes.forEach((id, p) -> repeated[0] |= check.known.putIfAbsent(id, p.record.label()) != null);
			check.nodes.clear();
			progress.accept(new ImportProgress("checking", check.read, -1, "records"));
		}, (line) -> {
		});
		if (repeated[0] || check.repeated > 0) {
			return null;
		}
		check.read(Plan.Pass.TIES, this.batchSize, () -> {
			check.resolve(this::fetch);
			check.ties.forEach((id, p) -> {
				repeated[0] |= !tieIds.add(LongSet.hash(id));
				if (!check.known.containsKey(p.record.from()) && !check.known.containsKey(p.record.to())) {
					bothStored[0]++;
				}
			});
			ties[0] += check.ties.size();
			check.ties.clear();
			progress.accept(new ImportProgress("checking", check.read, -1, "records"));
		}, (line) -> {
		});
		if (repeated[0] || check.repeated > 0) {
			return null;
		}
		long nodes = check.known.size();
		if (!problems.isEmpty()) {
			return new ImportReport(String.valueOf(mappingFile.getFileName()), dryRun, false, check.read, 0, 0, 0, nodes,
					ties[0], (System.nanoTime() - started) / 1_000_000, List.of(), List.copyOf(problems));
		}
		Set<String> ids = new LinkedHashSet<>(check.known.keySet());
		ids.add(mapping.dataset().id());
		boolean createOnly = this.createOnlyAllowed && bothStored[0] == 0 && noneStored(ids);
		Plan write = new Plan(mapping, problems);
		write.names = this::names;
		write.known = check.known;
		String run = "import-" + UUID.randomUUID();
		String reason = reason(mapping, mappingFile);
		ImportBatches batches = dryRun ? null : new ImportBatches(this.driver, this.statements, run, createOnly);
		java.util.function.Function<Set<String>, Map<String, Stored>> storedNodes = createOnly ? (x) -> Map.of()
				: this::fetch;
		TieLookup storedTies = createOnly ? (x, y) -> Map.of() : this::fetchTies;
		long[] done = { 0, 0 };
		boolean written = false;
		try {
			write.read(Plan.Pass.NODES, this.batchSize, () -> {
				done[0] += write.nodes.size();
				write.diff(storedNodes, storedTies);
				flush(write, batches, runner, run, reason, dryRun);
				write.nodes.clear();
				progress.accept(new ImportProgress("writing nodes", done[0], nodes, "nodes"));
			}, (line) -> {
			});
			if (batches != null) {
				// Every node committed before the first tie batch names one.
				batches.await();
			}
			write.read(Plan.Pass.TIES, this.batchSize, () -> {
				write.resolve(this::fetch);
				done[1] += write.ties.size();
				write.diff(storedNodes, storedTies);
				flush(write, batches, runner, run, reason, dryRun);
				write.ties.clear();
				progress.accept(new ImportProgress("writing ties", done[1], ties[0], "ties"));
			}, (line) -> {
			});
			if (batches != null) {
				batches.await();
			}
			if (!problems.isEmpty()) {
				throw new Abort();
			}
			if (batches != null && batches.batches() > 0) {
				batches.commit();
				written = true;
			}
		}
		catch (RuntimeException ex) {
			if (batches != null) {
				batches.close();
				int failedAt = batches.batches() + 1;
				batches.rollback();
				if (!(ex instanceof Abort)) {
					org.slf4j.LoggerFactory.getLogger(Importer.class).warn("Import {} failed in batch {}", run, failedAt, ex);
					if (ex instanceof ImportBatches.MissingEnds missing) {
						problems.addAll(problems(missing));
					}
					problems.add(new ImportReport.Problem(String.valueOf(mappingFile.getFileName()), "", "",
							"writing batch " + failedAt + " failed (" + ex.getMessage() + "); the " + (failedAt - 1)
									+ " batches written before it were undone: nothing was written"));
				}
			}
			else if (!(ex instanceof Abort)) {
				throw ex;
			}
		}
		finally {
			if (batches != null) {
				// A run stopped by an Error (the process going down) leaves no write in flight behind it.
				batches.close();
			}
		}
		return new ImportReport(String.valueOf(mappingFile.getFileName()), dryRun, written, check.read,
				write.created, write.updated, write.unchanged, nodes, ties[0], (System.nanoTime() - started) / 1_000_000,
				List.copyOf(write.conflicts), List.copyOf(problems));
	}

	/** Writes a batch's changes (or, on a dry run, counts them); stops a real run at the first problem. */
	private static void flush(Plan plan, @Nullable ImportBatches batches, Runner runner, String run, String reason,
			boolean dryRun) {
		if (!plan.problems.isEmpty() && !dryRun) {
			throw new Abort();
		}
		if (batches != null && !plan.changes.isEmpty()) {
			List<Map<String, Object>> events = new ArrayList<>(plan.changes.size());
			for (Change change : plan.changes) {
				events.add(event(change, runner, run, reason));
			}
			batches.submit(List.copyOf(plan.changes), events);
		}
		plan.changes.clear();
	}

	/** Whether none of the ids is a node in the store. */
	private boolean noneStored(Set<String> ids) {
		List<String> all = new ArrayList<>(ids);
		try (var session = this.driver.session()) {
			for (int i = 0; i < all.size(); i += 10 * BATCH) {
				List<String> batch = all.subList(i, Math.min(all.size(), i + 10 * BATCH));
				if (session.run(ImportBatches.batchStatement(this.statements, "ingest/nodes-exist"), Map.of("ids", batch))
					.single()
					.get("found")
					.asLong() > 0) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * A set of 64-bit hashes of tie ids (16 bytes a tie, against about 100 for the ids themselves): two ids with the
	 * same hash read as a repeated id, which only sends the import down the in-memory path, never to a wrong write.
	 */
	static final class LongSet {

		private long[] slots = new long[1 << 16];

		private int size;

		static long hash(String id) {
			long h = 0xcbf29ce484222325L;
			for (int i = 0; i < id.length(); i++) {
				h ^= id.charAt(i);
				h *= 0x100000001b3L;
			}
			return (h == 0) ? 1 : h;
		}

		/** Adds a (non-zero) hash; false when it was there. */
		boolean add(long value) {
			if (this.size * 2 >= this.slots.length) {
				long[] old = this.slots;
				this.slots = new long[old.length * 2];
				this.size = 0;
				for (long v : old) {
					if (v != 0) {
						add(v);
					}
				}
			}
			int mask = this.slots.length - 1;
			int i = (int) (value ^ (value >>> 32)) * 0x9E3779B9 & mask;
			while (this.slots[i] != 0) {
				if (this.slots[i] == value) {
					return false;
				}
				i = (i + 1) & mask;
			}
			this.slots[i] = value;
			this.size++;
			return true;
		}

	}

	/** Stored nodes by id: labels and properties. */
	private Map<String, Stored> fetch(Set<String> ids) {
		Map<String, Stored> found = new HashMap<>();
		List<String> all = new ArrayList<>(ids);
		try (var session = this.driver.session()) {
			for (int i = 0; i < all.size(); i += BATCH) {
				List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
				session.run(ImportBatches.batchStatement(this.statements, "ingest/nodes-by-id"), Map.of("ids", batch)).forEachRemaining((r) -> {
					Label label = Label.ofGraphLabels(r.get("labels").asList(Value::asString)).orElse(null);
					if (label != null) {
						found.put(r.get("id").asString(), new Stored(label, r.get("props").asMap()));
					}
				});
			}
		}
		return found;
	}

	/** Names and aliases (lower case) of the stored nodes of a label, to their ids. */
	private Map<String, String> names(Label label) {
		Map<String, String> names = new HashMap<>();
		try (var session = this.driver.session()) {
			session.run(this.statements.text("ingest/names-of-label"), Map.of("label", label.cypherName()))
				.forEachRemaining((r) -> {
					String id = r.get("id").asString();
					if (!r.get("name").isNull()) {
						names.putIfAbsent(Plan.nameKey(label, r.get("name").asString()), id);
					}
					if (!r.get("aliases").isNull()) {
						r.get("aliases").asList(Value::asString).forEach((a) -> names.putIfAbsent(Plan.nameKey(label, a), id));
					}
				});
		}
		return names;
	}

	/**
	 * How an import finds the stored ties it compares with: the ties it plans, by id between their two ends, and every
	 * {@code LANDS_IN} tie leaving the given nodes (a curated cable's landings the dataset does not give are conflicts).
	 */
	@FunctionalInterface
	interface TieLookup {

		Map<String, StoredTie> find(java.util.Collection<TieRecord> ties, Set<String> landingFroms);

	}

	/**
	 * Stored ties by id between their two ends ({@code ingest/ties-by-id}), and the landings leaving {@code landingFroms}
	 * ({@code ingest/landings-from}). Not every tie leaving the start nodes: a hub (a country, the EU) is the start of
	 * thousands, and every batch naming it read them all again, properties included: a batch's read grew with the
	 * store (PROFILE in bench/results/2026-12-01-importspeed.md); this one costs the same per tie at any size.
	 */
	private Map<String, StoredTie> fetchTies(java.util.Collection<TieRecord> ties, Set<String> landingFroms) {
		Map<String, StoredTie> found = new HashMap<>();
		List<Map<String, Object>> rows = new ArrayList<>(ties.size());
		for (TieRecord tie : ties) {
			rows.add(Map.of("id", tie.id(), "from", tie.from(), "to", tie.to()));
		}
		List<String> froms = new ArrayList<>(landingFroms);
		try (var session = this.driver.session()) {
			for (int i = 0; i < rows.size(); i += BATCH) {
				session.run(ImportBatches.batchStatement(this.statements, "ingest/ties-by-id"),
						Map.of("rows", rows.subList(i, Math.min(rows.size(), i + BATCH))))
					.forEachRemaining((r) -> found.put(r.get("id").asString(), storedTie(r)));
			}
			for (int i = 0; i < froms.size(); i += BATCH) {
				session.run(ImportBatches.batchStatement(this.statements, "ingest/landings-from"),
						Map.of("ids", froms.subList(i, Math.min(froms.size(), i + BATCH))))
					.forEachRemaining((r) -> found.put(r.get("id").asString(), storedTie(r)));
			}
		}
		return found;
	}

	private static StoredTie storedTie(org.neo4j.driver.Record r) {
		return new StoredTie(r.get("from").asString(), RelType.valueOf(r.get("type").asString()), r.get("to").asString(),
				r.get("props").asMap());
	}

	private void write(Plan plan, Runner runner, Path mappingFile) {
		String requestId = "import-" + UUID.randomUUID();
		List<Map<String, Object>> nodeRows = new ArrayList<>();
		List<Map<String, Object>> tieRows = new ArrayList<>();
		List<Change> tieChanges = new ArrayList<>();
		List<Map<String, Object>> events = new ArrayList<>();
		String reason = reason(plan.mapping, mappingFile);
		for (Change change : plan.changes) {
			if (change.tie() == null) {
				nodeRows.add(RecordRules.row(change.id(), change.label(), change.props()));
			}
			else {
				tieRows.add(ImportBatches.tieRow(change));
				tieChanges.add(change);
			}
			events.add(event(change, runner, requestId, reason));
		}
		try (var session = this.driver.session()) {
			session.executeWrite((tx) -> {
				for (int i = 0; i < nodeRows.size(); i += BATCH) {
					ImportBatches.writeNodes(tx, this.statements, false,
							nodeRows.subList(i, Math.min(nodeRows.size(), i + BATCH)));
				}
				for (int i = 0; i < tieRows.size(); i += BATCH) {
					int to = Math.min(tieRows.size(), i + BATCH);
					ImportBatches.writeTies(tx, this.statements, false, tieRows.subList(i, to), tieChanges.subList(i, to));
				}
				for (int i = 0; i < events.size(); i += BATCH) {
					ImportBatches.recordEvents(tx, this.statements, events.subList(i, Math.min(events.size(), i + BATCH)));
				}
				return null;
			}, TransactionConfig.builder().withTimeout(java.time.Duration.ofHours(1)).build());
		}
		if (this.version != null) {
			this.version.changed();
		}
	}

	private static String reason(Mapping mapping, Path mappingFile) {
		return "import " + mappingFile.getFileName() + " (" + mapping.dataset().id() + ")";
	}

	/** The audit event of one change, as an edit writes it. */
	static Map<String, Object> event(Change change, Runner runner, String requestId, String reason) {
		Map<String, Object> event = new HashMap<>();
		event.put("id", UUID.randomUUID().toString());
		event.put("by", runner.name());
		event.put("role", runner.role());
		event.put("requestId", requestId);
		event.put("action", (change.before() != null) ? "UPDATED" : (change.tie() != null) ? "LINKED" : "CREATED");
		event.put("itemId", change.id());
		event.put("from", (change.tie() != null) ? change.tie().from() : null);
		event.put("to", (change.tie() != null) ? change.tie().to() : null);
		event.put("version", change.props().get("version"));
		event.put("changes", RecordSource.JSON.writeValueAsString(changes(change.before(), change.after())));
		event.put("reason", reason);
		event.put("access", change.props().get("access"));
		event.put("accessBefore", (change.storedAccess() != null) ? change.storedAccess() : null);
		return event;
	}

	/** The problems of ties not written because an end is not in the store: one per tie, on its record and end. */
	static List<ImportReport.Problem> problems(ImportBatches.MissingEnds missing) {
		List<ImportReport.Problem> problems = new ArrayList<>();
		for (ImportBatches.MissingEnds.Dropped d : missing.dropped()) {
			problems.add(new ImportReport.Problem(d.at().split("#|:")[0], d.at(), d.field(), "the tie " + d.tie()
					+ " was not written: its " + d.field() + " end " + d.end() + " is not in the graph (deleted since the "
					+ "import checked it?)"));
		}
		if (problems.isEmpty()) {
			problems.add(new ImportReport.Problem("", "", "", missing.getMessage() + "; nothing was written"));
		}
		return problems;
	}

	private static List<Map<String, Object>> changes(@Nullable Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> b = (before != null) ? before : Map.of();
		Set<String> keys = new TreeSet<>(b.keySet());
		keys.addAll(after.keySet());
		List<Map<String, Object>> changes = new ArrayList<>();
		for (String key : keys) {
			List<String> was = NodeRecord.texts(listOf(b.get(key)));
			List<String> now = NodeRecord.texts(listOf(after.get(key)));
			if (!was.equals(now)) {
				changes.add(Map.of("key", key, "before", was, "after", now));
			}
		}
		return changes;
	}

	private static List<?> listOf(@Nullable Object value) {
		return (value instanceof List<?> l) ? l : (value == null) ? List.of() : List.of(String.valueOf(value));
	}

	/** A stored node. */
	record Stored(Label label, Map<String, Object> props) {
	}

	/** A stored tie. */
	record StoredTie(String from, RelType type, String to, Map<String, Object> props) {
	}

	/**
	 * One item to write.
	 *
	 * @param id the item's id
	 * @param label the node's label (null for a tie)
	 * @param tie the tie (null for a node)
	 * @param props the properties to store, version included
	 * @param before the record form before (null when created)
	 * @param after the record form after
	 * @param storedAccess the access list before, or null
	 * @param at the record that made it (its file and line or JSON pointer), for a problem found while writing
	 */
	record Change(String id, @Nullable Label label, @Nullable TieRecord tie, Map<String, Object> props,
			@Nullable Map<String, Object> before, Map<String, Object> after, @Nullable Object storedAccess, String at) {
	}

	/** A node or tie as the records give it: the first record's fields and every record's citation. */
	static final class Planned<R extends GraphRecord> {

		final R record;

		final String at;

		final List<Citation> citations = new ArrayList<>();

		/** Every record's own version, for statements beside a curated item. */
		final List<R> versions = new ArrayList<>();

		Planned(R record, String at) {
			this.record = record;
			this.at = at;
		}

	}

	/** The import being planned: everything read, resolved and compared before anything is written. */
	static final class Plan {

		final Mapping mapping;

		final List<ImportReport.Problem> problems;

		final Map<String, Planned<NodeRecord>> nodes = new LinkedHashMap<>();

		final Map<String, Planned<TieRecord>> ties = new LinkedHashMap<>();

		/** Tie drafts waiting for their ends to be known: built, not yet checked. */
		final List<PendingTie> pending = new ArrayList<>();

		final List<Change> changes = new ArrayList<>();

		final List<ImportReport.Conflict> conflicts = new ArrayList<>();

		final Map<String, Map<String, JsonNode>> lookups = new HashMap<>();

		/** Where each id of a unique rule was first made: a second record making it is a duplicate key. */
		final Map<String, String> madeAt = new HashMap<>();

		final Countries countries;

		long read;

		long created;

		long updated;

		long unchanged;

		/** Nodes and ties made by more than one record (their citations merged): a streamed import cannot. */
		long repeated;

		/** Nodes of this import planned in earlier chunks of a streamed import, by id. */
		Map<String, Label> known = new HashMap<>();

		/** Whether {@link #diff} still has to compare the dataset's Source (once an import). */
		boolean datasetPending = true;

		Plan(Mapping mapping, List<ImportReport.Problem> problems) {
			this.mapping = mapping;
			this.problems = problems;
			this.countries = new Countries(mapping.countries());
		}

		void checkRules() {
			for (Mapping.Rule rule : this.mapping.nodes()) {
				keys(rule, NODE_RULE_KEYS);
				if (!(rule.get("label") instanceof String l) || Label.ofCypherName(l).filter((x) -> x != Label.SOURCE).isEmpty()) {
					mappingProblem(rule.index() + ".label", "a node rule needs a 'label' (Country, Organisation, Cable...)");
				}
				if (!(rule.get("id") instanceof String)) {
					mappingProblem(rule.index() + ".id", "a node rule needs an 'id' template ('cable:{id}')");
				}
			}
			for (Mapping.Rule rule : this.mapping.ties()) {
				keys(rule, TIE_RULE_KEYS);
				if (!(rule.get("type") instanceof String t) || RelType.of(t).isEmpty()) {
					mappingProblem(rule.index() + ".type", "a tie rule needs a 'type', one of "
							+ java.util.Arrays.stream(RelType.values()).map(Enum::name).toList());
				}
				if (rule.get("from") == null || rule.get("to") == null) {
					mappingProblem(rule.index(), "a tie rule needs 'from' and 'to'");
				}
			}
		}

		private void keys(Mapping.Rule rule, Set<String> allowed) {
			for (String key : rule.spec().keySet()) {
				if (!allowed.contains(key)) {
					mappingProblem(rule.index() + "." + key,
							"unknown key '" + key + "' (allowed: " + allowed.stream().sorted().toList() + ")");
				}
			}
		}

		private void mappingProblem(String field, String reason) {
			this.problems.add(Mapping.mappingProblem(this.mapping.file(), field, reason));
		}

		/** Reads every reader once: lookups into tables, the others through their rules. */
		void read(Consumer<String> progress) {
			read(Pass.ALL, Integer.MAX_VALUE, () -> {
			}, progress);
		}

		/** Which rules a reading applies. */
		enum Pass {

			/** Node and tie rules, every record once (the in-memory plan). */
			ALL,
			/** Node rules only (the first half of a streamed pass). */
			NODES,
			/** Tie rules only (the second half; records of readers no node rule reads are counted here). */
			TIES

		}

		/**
		 * Reads the readers a pass needs, applying its rules, and calls {@code flush} after every {@code chunk} records
		 * and once at the end, so that a streamed import holds one chunk's drafts at a time. Lookup tables are read once.
		 */
		void read(Pass pass, int chunk, Runnable flush, Consumer<String> progress) {
			Set<String> byNodes = new LinkedHashSet<>();
			Set<String> byTies = new LinkedHashSet<>();
			this.mapping.nodes().forEach((r) -> byNodes.add(r.reader()));
			this.mapping.ties().forEach((r) -> byTies.add(r.reader()));
			if (this.lookups.isEmpty()) {
				for (Mapping.ReaderSpec spec : this.mapping.readers().values()) {
					if (spec.key() != null) {
						Map<String, JsonNode> table = new HashMap<>();
						RecordSource.read(this.mapping.base(), spec, (item) -> {
							JsonNode key = MappedValues.path(item.value(), spec.key());
							if (key != null) {
								table.put(key.asString(), item.value());
							}
						}, this.problems);
						this.lookups.put(spec.name(), table);
					}
				}
			}
			long[] inChunk = { 0 };
			for (Mapping.ReaderSpec spec : this.mapping.readers().values()) {
				boolean nodes = pass != Pass.TIES && byNodes.contains(spec.name());
				boolean ties = pass != Pass.NODES && byTies.contains(spec.name());
				if (spec.key() != null || !(nodes || ties)) {
					continue;
				}
				boolean counted = pass != Pass.TIES || !byNodes.contains(spec.name());
				RecordSource.read(this.mapping.base(), spec, (item) -> {
					if (counted) {
						this.read++;
						if (pass == Pass.ALL && this.read % 1000 == 0) {
							progress.accept("read " + this.read + " records");
						}
					}
					if (nodes) {
						for (Mapping.Rule rule : this.mapping.nodes()) {
							if (rule.reader().equals(spec.name())) {
								forEachItem(rule, item, (scope) -> node(rule, item, scope));
							}
						}
					}
					if (ties) {
						for (Mapping.Rule rule : this.mapping.ties()) {
							if (rule.reader().equals(spec.name())) {
								forEachItem(rule, item, (scope) -> tie(rule, item, scope));
							}
						}
					}
					if (++inChunk[0] >= chunk) {
						inChunk[0] = 0;
						flush.run();
					}
				}, this.problems);
			}
			flush.run();
		}

		private void forEachItem(Mapping.Rule rule, RecordSource.Item item, Consumer<MappedValues.Scope> action) {
			if (rule.each() == null) {
				action.accept(new MappedValues.Scope(item.value(), null, this.lookups, item.locator()));
				return;
			}
			String base = item.locator() + (item.locator().contains("#") ? "/" : "#/") + rule.each().replace('.', '/') + "/";
			JsonNode list = MappedValues.path(item.value(), rule.each());
			if (list == null) {
				return;
			}
			if (list.isArray()) {
				int i = 0;
				for (JsonNode v : list.values()) {
					action.accept(new MappedValues.Scope(item.value(), v, this.lookups, base + i++));
				}
			}
			else if (list.isString() && rule.split() != null) {
				int i = 0;
				for (String part : list.stringValue().split(java.util.regex.Pattern.quote(rule.split()))) {
					if (!part.isBlank()) {
						action.accept(new MappedValues.Scope(item.value(), part.strip(), this.lookups,
								item.locator() + " (" + rule.each() + " item " + i + ")"));
					}
					i++;
				}
			}
			else {
				problem(item, rule.each(), "expected a list" + ((rule.split() != null) ? " or a text to split" : ""));
			}
		}

		private void problem(RecordSource.Item item, @Nullable String field, String reason) {
			problem(item, item.locator(), field, reason);
		}

		private void problem(RecordSource.Item item, String at, @Nullable String field, String reason) {
			this.problems.add(new ImportReport.Problem(item.file(), at, (field != null) ? field : "", reason));
		}

		private String crosswalk(String id) {
			return this.mapping.crosswalk().getOrDefault(id, id);
		}

		private void node(Mapping.Rule rule, RecordSource.Item item, MappedValues.Scope scope) {
			List<RecordProblem> found = new ArrayList<>();
			Object made = MappedValues.template(String.valueOf(rule.get("id")), scope);
			if (made == null) {
				problem(item, scope.at(), "id", "the id template '" + rule.get("id") + "' has no value for this record");
				return;
			}
			String id = crosswalk(String.valueOf(made));
			boolean unique = !Boolean.FALSE.equals(rule.get("unique")) && rule.each() == null;
			boolean crosswalked = !id.equals(String.valueOf(made));
			if (unique && !crosswalked) {
				String first = this.madeAt.putIfAbsent(id, item.locator());
				if (first != null) {
					problem(item, scope.at(), "id", "duplicate key " + id + " (first made from " + first + ")");
					return;
				}
			}
			NodeDraft draft = new NodeDraft();
			draft.defaults(this.mapping.tlp(), this.mapping.owner(), this.mapping.recipients());
			draft.set("id", id).set("label", rule.get("label"));
			for (String field : NODE_FIELDS) {
				if (rule.spec().containsKey(field)) {
					Object value = MappedValues.value(rule.get(field), scope, field, found);
					draft.set(field, "aliases".equals(field) ? aliases(rule.get(field), scope, found) : value);
				}
			}
			properties(rule, scope, draft, found);
			draft.sources(List.of(new Citation(this.mapping.dataset().id(), item.locator())));
			String at = item.locator();
			// Checked now against an open context (ends are checked with ties); a node's own rules need none.
			Draft.Checked<NodeRecord> checked = draft.check(context((end) -> null));
			found.addAll(checked.problems());
			for (RecordProblem p : found) {
				problem(item, scope.at(), p.field(), p.reason());
			}
			if (checked.record() == null || !found.isEmpty()) {
				return;
			}
			NodeRecord record = checked.record();
			Planned<NodeRecord> planned = this.nodes.get(id);
			if (planned == null) {
				planned = new Planned<>(record, at);
				this.nodes.put(id, planned);
			}
			else {
				this.repeated++;
			}
			if (planned.record.label() != record.label()) {
				problem(item, scope.at(), "id", id + " is " + a(planned.record.label()) + " (from " + planned.at + "), not "
						+ a(record.label()));
				return;
			}
			planned.citations.addAll(record.sources());
			if (crosswalked || planned.versions.isEmpty()) {
				planned.versions.add(record);
			}
		}

		private @Nullable List<String> aliases(@Nullable Object spec, MappedValues.Scope scope, List<RecordProblem> found) {
			List<String> aliases = new ArrayList<>();
			for (Object one : (spec instanceof List<?> l) ? l : List.of(spec)) {
				Object value = MappedValues.value(one, scope, "aliases", found);
				if (value instanceof List<?> list) {
					list.forEach((v) -> aliases.add(String.valueOf(v)));
				}
				else if (value != null) {
					aliases.add(String.valueOf(value));
				}
			}
			return aliases;
		}

		private void properties(Mapping.Rule rule, MappedValues.Scope scope, Draft<?> draft, List<RecordProblem> found) {
			Mapping.map(rule.get("properties")).forEach((name, spec) -> {
				Object value = MappedValues.value(spec, scope, name, found);
				if (value instanceof JsonNode) {
					found.add(new RecordProblem(name, "'" + name + "' is a nested object: name a field inside it"));
				}
				else {
					draft.property(name, value);
				}
			});
		}

		/** A pending tie: its draft and the unresolved ends. */
		record PendingTie(TieDraft draft, RecordSource.Item item, String at, End from, End to) {
		}

		/**
		 * A tie's end: an id, or a name (of a label) or a country to find.
		 *
		 * @param field {@code from} or {@code to}
		 * @param id the id, when given
		 * @param name the name to find, or null
		 * @param label the label a name is found among
		 */
		record End(String field, @Nullable String id, @Nullable String name, @Nullable Label label) {
		}

		private void tie(Mapping.Rule rule, RecordSource.Item item, MappedValues.Scope scope) {
			List<RecordProblem> found = new ArrayList<>();
			End from = end("from", rule.get("from"), scope, found);
			End to = end("to", rule.get("to"), scope, found);
			TieDraft draft = new TieDraft();
			draft.defaults(this.mapping.tlp(), this.mapping.owner(), this.mapping.recipients());
			draft.set("type", rule.get("type"));
			if (rule.spec().containsKey("role")) {
				draft.set("role", MappedValues.text(rule.get("role"), scope, "role", found));
			}
			for (String field : TIE_FIELDS) {
				if (rule.spec().containsKey(field)) {
					draft.set(field, MappedValues.value(rule.get(field), scope, field, found));
				}
			}
			properties(rule, scope, draft, found);
			draft.sources(List.of(new Citation(this.mapping.dataset().id(), item.locator())));
			for (RecordProblem p : found) {
				problem(item, scope.at(), p.field(), p.reason());
			}
			if (found.isEmpty() && from != null && to != null) {
				this.pending.add(new PendingTie(draft, item, scope.at(), from, to));
			}
		}

		private @Nullable End end(String field, @Nullable Object spec, MappedValues.Scope scope,
				List<RecordProblem> found) {
			if (spec instanceof String template) {
				Object id = MappedValues.template(template, scope);
				if (id == null) {
					found.add(new RecordProblem(field, "the template '" + template + "' has no value for this record"));
					return null;
				}
				return new End(field, crosswalk(String.valueOf(id)), null, null);
			}
			Map<String, Object> map = Mapping.map(spec);
			if (map.containsKey("country")) {
				String name = MappedValues.text(map.get("country"), scope, field, found);
				if (name == null) {
					found.add(new RecordProblem(field, "no country given"));
					return null;
				}
				String code = this.countries.code(name);
				if (code == null) {
					found.add(new RecordProblem(field, "unknown country '" + name + "' (neither an ISO 3166 code nor an "
							+ "English ISO name: add it to the mapping's 'countries')"));
					return null;
				}
				return new End(field, "country:" + code, null, null);
			}
			if (map.containsKey("name")) {
				String name = MappedValues.text(map.get("name"), scope, field, found);
				Label label = Label.ofCypherName(String.valueOf(map.get("label"))).orElse(null);
				if (name == null || label == null) {
					found.add(new RecordProblem(field, "a name end needs a 'name' with a value and a 'label'"));
					return null;
				}
				return new End(field, null, name, label);
			}
			if (map.containsKey("id")) {
				return end(field, map.get("id"), scope, found);
			}
			found.add(new RecordProblem(field, "an end is an id template, {country: ...}, {name: ..., label: ...} "
					+ "or {id: ...}"));
			return null;
		}

		/** The rules' context of this import: ends' labels from {@code labels}, the dataset its only source. */
		private RecordRules.Context context(java.util.function.Function<String, @Nullable Label> labels) {
			String dataset = this.mapping.dataset().id();
			return new RecordRules.Context() {
				@Override
				public @Nullable Label labelOf(String id) {
					return labels.apply(id);
				}

				@Override
				public boolean hasSource(String sourceId) {
					return sourceId.equals(dataset);
				}

				@Override
				public String sourcesAt() {
					return "the mapping";
				}

				@Override
				public String nodesAt() {
					return "neither the graph nor this import holds";
				}
			};
		}

		/**
		 * Matches nodes to the graph (by the crosswalk's ids, by name where a rule says {@code match: name}), finds
		 * every tie's ends, and checks each tie.
		 */
		void resolve(java.util.function.Function<Set<String>, Map<String, Stored>> fetch) {
			Map<String, String> byName = new HashMap<>();
			for (Mapping.Rule rule : this.mapping.nodes()) {
				if ("name".equals(rule.get("match"))) {
					Label label = Label.ofCypherName(String.valueOf(rule.get("label"))).orElseThrow();
					byName.putAll(storedNames(label));
				}
			}
			// Nodes matched by name to a stored node take its id.
			Map<String, Planned<NodeRecord>> renamed = new LinkedHashMap<>();
			for (Map.Entry<String, Planned<NodeRecord>> entry : this.nodes.entrySet()) {
				NodeRecord record = entry.getValue().record;
				String key = nameKey(record.label(), record.name());
				String stored = byName.get(key);
				String id = (stored != null && !stored.equals(entry.getKey())) ? stored : entry.getKey();
				Planned<NodeRecord> planned = renamed.get(id);
				if (planned == null) {
					renamed.put(id, entry.getValue());
				}
				else {
					planned.citations.addAll(entry.getValue().citations);
				}
				if (!id.equals(entry.getKey())) {
					this.aliases.put(entry.getKey(), id);
				}
			}
			this.nodes.clear();
			this.nodes.putAll(renamed);
			Map<String, String> plannedNames = new HashMap<>();
			this.nodes.forEach((id, p) -> {
				plannedNames.putIfAbsent(nameKey(p.record.label(), p.record.name()), id);
				p.record.aliases().forEach((a) -> plannedNames.putIfAbsent(nameKey(p.record.label(), a), id));
			});
			Map<String, String> namesOfEnds = new HashMap<>();
			for (PendingTie tie : this.pending) {
				for (End end : List.of(tie.from(), tie.to())) {
					if (end.name() != null && !plannedNames.containsKey(nameKey(end.label(), end.name()))) {
						namesOfEnds.putAll(storedNames(end.label()));
					}
				}
			}
			// Ends in the store, found by id or by name: their labels are checked below.
			Set<String> referenced = new LinkedHashSet<>();
			for (PendingTie tie : this.pending) {
				for (End end : List.of(tie.from(), tie.to())) {
					String id = endId(end, plannedNames, namesOfEnds);
					if (id != null && !this.nodes.containsKey(id) && !this.known.containsKey(id)) {
						referenced.add(id);
					}
				}
			}
			Map<String, Stored> stored = fetch.apply(referenced);
			RecordRules.Context context = context((id) -> {
				Planned<NodeRecord> planned = Plan.this.nodes.get(id);
				if (planned != null) {
					return planned.record.label();
				}
				Label known = Plan.this.known.get(id);
				if (known != null) {
					return known;
				}
				Stored s = stored.get(id);
				return (s != null) ? s.label() : null;
			});
			for (PendingTie tie : this.pending) {
				String from = endId(tie.from(), plannedNames, namesOfEnds);
				String to = endId(tie.to(), plannedNames, namesOfEnds);
				if (from == null || to == null) {
					End missing = (from == null) ? tie.from() : tie.to();
					problem(tie.item(), tie.at(), missing.field(), "no " + missing.label().cypherName() + " named '"
							+ missing.name() + "' in the graph or this import (add it, or map the name in 'crosswalk')");
					continue;
				}
				tie.draft().set("from", from).set("to", to);
				Draft.Checked<TieRecord> checked = tie.draft().check(context);
				for (RecordProblem p : checked.problems()) {
					problem(tie.item(), tie.at(), p.field(), p.reason());
				}
				TieRecord record = checked.record();
				if (record == null) {
					continue;
				}
				Planned<TieRecord> planned = this.ties.get(record.id());
				if (planned == null) {
					planned = new Planned<>(record, tie.item().locator());
					planned.versions.add(record);
					this.ties.put(record.id(), planned);
				}
				else {
					this.repeated++;
				}
				planned.citations.addAll(record.sources());
			}
			this.pending.clear();
		}

		/** Ids a node was planned under before it was matched by name to a stored one. */
		final Map<String, String> aliases = new HashMap<>();

		private @Nullable String endId(End end, Map<String, String> planned, Map<String, String> stored) {
			if (end.id() != null) {
				return this.aliases.getOrDefault(end.id(), end.id());
			}
			String key = nameKey(end.label(), end.name());
			String id = planned.get(key);
			if (id == null) {
				id = stored.get(key);
			}
			return (id != null) ? this.aliases.getOrDefault(id, id) : null;
		}

		/** Names and aliases of stored nodes of a label (lower case), to their ids. */
		final Map<Label, Map<String, String>> storedNames = new HashMap<>();

		java.util.function.Function<Label, Map<String, String>> names = (label) -> Map.of();

		private Map<String, String> storedNames(Label label) {
			return this.storedNames.computeIfAbsent(label, this.names);
		}

		/** "a Country", "an Organisation". */
		static String a(Label label) {
			String name = label.cypherName();
			return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
		}

		static String nameKey(@Nullable Label label, @Nullable String name) {
			return label + "|" + String.valueOf(name).strip().toLowerCase(Locale.ROOT);
		}

		/** Compares every planned item with the store: created, updated, unchanged, conflicts. */
		void diff(java.util.function.Function<Set<String>, Map<String, Stored>> fetch,
				TieLookup fetchTies) {
			Map<String, Stored> stored = fetch.apply(this.nodes.keySet());
			if (this.datasetPending) {
				this.datasetPending = false;
				Map<String, Object> datasetProps = RecordRules.props(this.mapping.dataset());
				Stored storedDataset = fetch.apply(Set.of(this.mapping.dataset().id())).get(this.mapping.dataset().id());
				compare(this.mapping.dataset().id(), Label.SOURCE, null, datasetProps, String.valueOf(this.mapping.file().getFileName()),
						(storedDataset != null) ? storedDataset.props() : null, sourceValues(datasetProps),
						(storedDataset != null) ? sourceValues(storedDataset.props()) : null);
			}
			for (Map.Entry<String, Planned<NodeRecord>> entry : this.nodes.entrySet()) {
				Planned<NodeRecord> planned = entry.getValue();
				NodeRecord record = withCitations(planned.record, entry.getKey(), planned.citations);
				Stored before = stored.get(entry.getKey());
				if (before != null && before.label() != record.label()) {
					this.problems.add(new ImportReport.Problem(planned.at.split("#|:")[0], planned.at, "id",
							entry.getKey() + " is " + a(before.label()) + " in the graph, not " + a(record.label())));
					continue;
				}
				if (before != null && curated(before.props())) {
					NodeRecord storedRecord = NodeRecord.fromStored(entry.getKey(), before.label(), before.props());
					Map<String, Object> props = new LinkedHashMap<>(before.props());
					List<String> statements = new ArrayList<>(NodeRecord.texts(props.get("otherStatements")));
					for (NodeRecord version : planned.versions) {
						statements(entry.getKey(), storedRecord.values(), version.values(), version.sources(),
								statements, Set.of("id", "label", "sources", "tlp", "owner", "recipients"));
					}
					addCitations(props, record.sources());
					if (!statements.isEmpty()) {
						props.put("otherStatements", List.copyOf(new LinkedHashSet<>(statements)));
					}
					compare(entry.getKey(), before.label(), null, props, planned.at, before.props(),
							curatedValues(storedRecord.values(), props), curatedValues(storedRecord.values(), before.props()));
				}
				else {
					Map<String, Object> props = new LinkedHashMap<>(RecordRules.props(record));
					compare(entry.getKey(), record.label(), null, props, planned.at, (before != null) ? before.props() : null,
							record.values(), (before != null)
									? NodeRecord.fromStored(entry.getKey(), before.label(), before.props()).values() : null);
				}
			}
			List<TieRecord> plannedTies = new ArrayList<>(this.ties.size());
			Set<String> landingFroms = new LinkedHashSet<>();
			this.ties.values().forEach((p) -> {
				plannedTies.add(p.record);
				if (p.record.type() == RelType.LANDS_IN) {
					landingFroms.add(p.record.from());
				}
			});
			Map<String, StoredTie> storedTies = fetchTies.find(plannedTies, landingFroms);
			for (Map.Entry<String, Planned<TieRecord>> entry : this.ties.entrySet()) {
				Planned<TieRecord> planned = entry.getValue();
				TieRecord record = withCitations(planned.record, planned.citations);
				StoredTie before = storedTies.get(entry.getKey());
				if (before != null && curated(before.props())) {
					TieRecord storedRecord = TieRecord.fromStored(before.from(), before.type(), before.to(), before.props());
					Map<String, Object> props = new LinkedHashMap<>(before.props());
					List<String> statements = new ArrayList<>(NodeRecord.texts(props.get("otherStatements")));
					statements(entry.getKey(), storedRecord.values(), record.values(), record.sources(), statements,
							Set.of("from", "type", "to", "role", "sources", "tlp", "owner", "recipients"));
					addCitations(props, record.sources());
					if (!statements.isEmpty()) {
						props.put("otherStatements", List.copyOf(new LinkedHashSet<>(statements)));
					}
					compare(entry.getKey(), null, record, props, planned.at, before.props(),
							curatedValues(storedRecord.values(), props), curatedValues(storedRecord.values(), before.props()));
				}
				else {
					compare(entry.getKey(), null, record, new LinkedHashMap<>(RecordRules.props(record)), planned.at,
							(before != null) ? before.props() : null, record.values(), (before != null)
									? TieRecord.fromStored(before.from(), before.type(), before.to(), before.props()).values()
									: null);
				}
			}
			landingConflicts(storedTies);
		}

		/** Curated cables whose curated landings in countries the dataset does not give (or the reverse). */
		private void landingConflicts(Map<String, StoredTie> storedTies) {
			Map<String, Set<String>> curated = new HashMap<>();
			storedTies.values().forEach((t) -> {
				if (t.type() == RelType.LANDS_IN && curated(t.props()) && t.to().startsWith("country:")) {
					curated.computeIfAbsent(t.from(), (k) -> new TreeSet<>()).add(t.to());
				}
			});
			Map<String, Set<String>> imported = new HashMap<>();
			this.ties.values().forEach((p) -> {
				if (p.record.type() == RelType.LANDS_IN) {
					imported.computeIfAbsent(p.record.from(), (k) -> new TreeSet<>()).add(p.record.to());
				}
			});
			curated.forEach((cable, countries) -> {
				Set<String> theirs = imported.get(cable);
				if (theirs != null && !theirs.containsAll(countries)) {
					this.conflicts.add(new ImportReport.Conflict(cable, "landing", String.join(", ", countries),
							String.join(", ", theirs), this.nodes.containsKey(cable) ? this.nodes.get(cable).at : ""));
				}
			});
		}

		private void statements(String id, Map<String, Object> curated, Map<String, Object> imported,
				List<Citation> sources, List<String> statements, Set<String> skip) {
			String cite = sources.stream().map(NodeRecord::citationText).reduce((a, b) -> a + "; " + b).orElse("");
			imported.forEach((key, value) -> {
				if (skip.contains(key)) {
					return;
				}
				Object mine = curated.get(key);
				String text = (value instanceof List<?> l) ? String.join(", ", NodeRecord.texts(l)) : String.valueOf(value);
				if (!Objects.equals(mine, value)) {
					statements.add(key + ": " + text + " [" + cite + "]");
					if (mine != null) {
						String was = (mine instanceof List<?> l) ? String.join(", ", NodeRecord.texts(l)) : String.valueOf(mine);
						this.conflicts.add(new ImportReport.Conflict(id, key, was, text, cite));
					}
				}
			});
		}

		private static Map<String, Object> curatedValues(Map<String, Object> values, Map<String, Object> props) {
			Map<String, Object> out = new LinkedHashMap<>(values);
			out.put("sources", NodeRecord.citationTexts(NodeRecord.citationsOf(props)));
			out.put("otherStatements", NodeRecord.texts(props.get("otherStatements")));
			return out;
		}

		private static Map<String, Object> sourceValues(Map<String, Object> props) {
			Map<String, Object> out = new LinkedHashMap<>();
			for (String key : List.of("name", "publisher", "licence", "datasetVersion", "retrieved", "url", "file")) {
				if (props.get(key) != null) {
					out.put(key, String.valueOf(props.get(key)));
				}
			}
			return out;
		}

		private void addCitations(Map<String, Object> props, List<Citation> citations) {
			Set<Citation> all = new LinkedHashSet<>(NodeRecord.citationsOf(props));
			all.addAll(citations);
			props.put("sourceIds", all.stream().map(Citation::sourceId).toList());
			props.put("sourceLocators", all.stream().map(Citation::locator).toList());
		}

		private boolean curated(Map<String, Object> props) {
			return NodeRecord.texts(props.get("sourceIds"))
				.stream()
				.anyMatch((s) -> !s.equals(this.mapping.dataset().id()));
		}

		private void compare(String id, @Nullable Label label, @Nullable TieRecord tie, Map<String, Object> props,
				String at, @Nullable Map<String, Object> stored, Map<String, Object> after,
				@Nullable Map<String, Object> before) {
			props.remove("version");
			if (stored == null) {
				props.put("version", 1L);
				this.created++;
				this.changes.add(new Change(id, label, tie, props, null, after, null, at));
				return;
			}
			Map<String, Object> was = new LinkedHashMap<>(stored);
			Object version = was.remove("version");
			if (normal(was).equals(normal(props))) {
				this.unchanged++;
				return;
			}
			long next = ((version instanceof Number n) ? n.longValue() : 1L) + 1;
			props.put("version", next);
			this.updated++;
			this.changes.add(new Change(id, label, tie, props, (before != null) ? before : Map.of(), after,
					stored.get("access"), at));
		}

		private static Object normal(@Nullable Object value) {
			if (value instanceof Map<?, ?> m) {
				Map<String, Object> out = new java.util.TreeMap<>();
				m.forEach((k, v) -> out.put(String.valueOf(k), normal(v)));
				return out;
			}
			if (value instanceof List<?> l) {
				return l.stream().map(Plan::normal).toList();
			}
			if (value instanceof Integer i) {
				return i.longValue();
			}
			if (value instanceof LocalDate d) {
				return d.toString();
			}
			return (value == null) ? "" : value;
		}

		private static NodeRecord withCitations(NodeRecord r, String id, List<Citation> citations) {
			return new NodeRecord(id, r.label(), r.name(), r.acronym(), r.aliases(), r.kind(), r.description(),
					r.status(), r.confidence(), r.start(), r.end(), r.sector(), r.euStatus(), r.iso3(), r.lengthKm(),
					r.corridor(), r.url(), r.seat(), r.marking(), List.copyOf(new LinkedHashSet<>(citations)),
					r.properties());
		}

		private static TieRecord withCitations(TieRecord r, List<Citation> citations) {
			return new TieRecord(r.from(), r.type(), r.to(), r.role(), r.status(), r.confidence(), r.start(), r.end(),
					r.marking(), List.copyOf(new LinkedHashSet<>(citations)), r.properties());
		}

	}

	/** ISO 3166 countries by alpha-2 or alpha-3 code or English name (accents and case aside), and a crosswalk. */
	static final class Countries {

		private final Map<String, String> codes = new HashMap<>();

		Countries(Map<String, String> crosswalk) {
			for (String code : Locale.getISOCountries()) {
				Locale locale = Locale.of("", code);
				this.codes.put(MappedValues.slug(code), code);
				this.codes.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
				try {
					this.codes.put(MappedValues.slug(locale.getISO3Country()), code);
				}
				catch (java.util.MissingResourceException ex) {
					// no alpha-3 for this code
				}
			}
			crosswalk.forEach((name, code) -> this.codes.put(key(name), code.strip().toUpperCase(Locale.ROOT)));
		}

		@Nullable String code(String name) {
			return this.codes.get(key(name));
		}

		/** "St. Kitts & Nevis" and "Saint Kitts and Nevis" alike. */
		private static String key(String name) {
			return MappedValues.slug(name.replace("&", " and ").replaceAll("(?i)\\bst\\.?\\s", "saint "));
		}

	}

}
