package org.partneratlas.editing;

import java.text.Normalizer;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;

import org.partneratlas.editing.HistoryEvent.Action;
import org.partneratlas.editing.HistoryEvent.Change;
import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.Author;
import org.partneratlas.graph.Citation;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.WriteRefusedException;
import org.partneratlas.graph.WriteRefusedException.Reason;
import org.partneratlas.ingest.Draft;
import org.partneratlas.ingest.GraphRecord;
import org.partneratlas.ingest.NodeDraft;
import org.partneratlas.ingest.NodeRecord;
import org.partneratlas.ingest.RecordRules;
import org.partneratlas.ingest.SourceRecord;
import org.partneratlas.ingest.TieDraft;
import org.partneratlas.ingest.TieRecord;

import org.springframework.stereotype.Component;

/**
 * The writes: each one transaction that locks what it changes, checks the version the caller read, checks the new
 * record by the curated data's rules and the caller's right to its marking, writes, and appends its audit event. Any
 * refusal throws inside the transaction, so nothing of the write or its event is committed.
 * <p>
 * Inputs arrive as the GraphQL argument maps, so that an update can tell a field left out (unchanged) from a field
 * set to null (cleared); they become typed records ({@link NodeRecord}, {@link TieRecord}) through the drafts the
 * seed loader and the importer use, and are checked by the same {@link RecordRules}.
 */
@Component
class Edits {

	/** Labels a node may be created with: every country and the Union exist already, sources are documents. */
	static final Set<Label> CREATABLE = Set.of(Label.REGION, Label.INSTITUTION, Label.AGENCY, Label.ORGANISATION,
			Label.COMMUNITY, Label.INSTRUMENT, Label.PROGRAMME, Label.PROJECT, Label.CABLE, Label.TOPIC);

	/** Fields that identify what a write is about, or carry its version and citations: not copied as values. */
	private static final Set<String> CONTROL = Set.of("id", "label", "version", "sources", "removeSources", "from",
			"type", "to", "role", "reason");

	private static final Set<String> REQUIRED = Set.of("name", "tlp");

	/** A tie's id: {@code from-TYPE->to}, then {@code #role} and a made id's {@code ~suffix} when it has them. */
	static final Pattern TIE_ID = Pattern.compile("(.+?)-(" + String.join("|",
			java.util.Arrays.stream(RelType.values()).map(Enum::name).toList()) + ")->(.+?)(#[^#~]+)?(~[a-z0-9]+)?");

	/** Random, so that a made id says nothing of the ids around it (hidden ones included). */
	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private final Driver driver;

	private final CypherStatements statements;

	private final SessionConfig session;

	private final java.time.Duration timeout;

	private final org.partneratlas.graph.DataVersion version;

	Edits(Driver driver, CypherStatements statements, AtlasProperties properties,
			org.partneratlas.graph.DataVersion version) {
		this.version = version;
		this.driver = driver;
		this.statements = statements;
		this.session = SessionConfig.builder().withDatabase(properties.database()).build();
		this.timeout = properties.transactionTimeout();
	}

	Entity createNode(Author author, Map<String, Object> input) {
		Label label = Label.valueOf(String.valueOf(input.get("label")));
		if (!CREATABLE.contains(label)) {
			throw new WriteRefusedException(Reason.BAD_REQUEST, switch (label) {
				case COUNTRY -> "Every ISO 3166 country exists already: update it (id country:<alpha-2 code>)";
				case UNION -> "The European Union exists already (union:eu): update it";
				default -> label + " nodes are not created through the API";
			});
		}
		return write(author, (tx) -> {
			boolean given = input.get("id") != null;
			String id = given ? String.valueOf(input.get("id")) : freeId(tx, label, input);
			NodeDraft draft = new NodeDraft();
			fill(draft, input);
			draft.set("label", label).set("id", id).sources(citations(input.get("sources")));
			NodeRecord node = checked(draft.check(RecordRules.context(Map.of(), sourceIds(tx, author))));
			Map<String, Object> props = new HashMap<>(RecordRules.props(node));
			Marking.of(props).allowedFor(author, null);
			// A made id was free when it was made; a given one is checked here.
			if (given && taken(tx, id)) {
				throw new WriteRefusedException(Reason.CONFLICT, "The id " + id + " is taken: choose another, or leave "
						+ "'id' out to have one made from the name", Map.of("id", id));
			}
			props.put("id", id);
			props.put("version", 1);
			Entity created = Entity.of(tx.run(this.statements.text("editing/create-node"),
					Map.of("labels", label.graphLabels(), "props", props)).single().get("node"));
			record(tx, author, Action.CREATED, id, null, null, 1, Map.of(), node.values(), null, Marking.of(props),
					null);
			return created;
		});
	}

	Entity updateNode(Author author, Map<String, Object> input) {
		String id = String.valueOf(input.get("id"));
		int expected = ((Number) input.get("version")).intValue();
		return write(author, (tx) -> {
			var found = tx.run(this.statements.text("editing/lock-node"), author.visibility().with(Map.of("id", id)))
				.list();
			if (found.isEmpty()) {
				throw notFound("node", id);
			}
			Entity before = Entity.of(found.get(0).get("node"));
			if (before.label() == Label.SOURCE) {
				throw new WriteRefusedException(Reason.BAD_REQUEST, "Source documents are curated in "
						+ "seed-data/sources.yaml, not changed through the API", Map.of("id", id));
			}
			NodeRecord old = NodeRecord.fromStored(id, before.label(), before.properties());
			Revision<NodeRecord> revision = revise(author, id, expected, before.properties(), old, NodeDraft.of(old),
					input, RecordRules.context(Map.of(), sourceIds(tx, author)));
			if (revision == null) {
				return before;
			}
			Entity after = Entity.of(tx.run(this.statements.text("editing/replace-node"),
					author.visibility().with(Map.of("id", id, "props", revision.props()))).single().get("node"));
			record(tx, author, Action.UPDATED, id, null, null, revision.version(), old.values(),
					revision.record().values(), null, revision.marking(), revision.previous());
			return after;
		});
	}

	Edge link(Author author, Map<String, Object> input) {
		String from = String.valueOf(input.get("from"));
		String to = String.valueOf(input.get("to"));
		RelType type = RelType.valueOf(String.valueOf(input.get("type")));
		String role = (String) input.get("role");
		return write(author, (tx) -> {
			String id = Edge.idOf(from, type, to, role);
			var ends = tx.run(this.statements.text("editing/lock-ends"),
					author.visibility().with(Map.of("from", from, "to", to, "id", id))).list();
			if (ends.isEmpty()) {
				throw new WriteRefusedException(Reason.NOT_FOUND, "No node with id " + from + " or none with id " + to,
						Map.of("from", from, "to", to));
			}
			Record record = ends.get(0);
			Label fromLabel = label(record.get("fromLabels").asList(org.neo4j.driver.Value::asString));
			Label toLabel = label(record.get("toLabels").asList(org.neo4j.driver.Value::asString));
			List<Map<String, Object>> taken = record.get("taken").asList((v) -> v.asMap());
			java.util.Optional<String> visible = taken.stream()
				.filter((t) -> Boolean.TRUE.equals(t.get("visible")))
				.map((t) -> String.valueOf(t.get("id")))
				.findFirst();
			if (visible.isPresent()) {
				throw new WriteRefusedException(Reason.CONFLICT, "The tie " + visible.get() + " exists already: update "
						+ "it (updateLink) rather than linking twice", Map.of("id", visible.get()));
			}
			// Every tie made here gets a random suffix, whether or not a tie the caller may not see holds the plain
			// id: a suffix only when one does would tell the caller that a hidden tie with these ends, type and
			// role exists. (The plain id stays the identity a visible duplicate is refused by.)
			Set<String> held = new java.util.HashSet<>(taken.stream().map((t) -> String.valueOf(t.get("id"))).toList());
			String finalId;
			do {
				finalId = id + "~" + suffix();
			}
			while (held.contains(finalId));
			TieDraft draft = new TieDraft();
			fill(draft, input);
			draft.set("from", from).set("type", type).set("to", to).set("role", role);
			draft.sources(citations(input.get("sources")));
			TieRecord tieRecord = checked(draft.check(
					RecordRules.context(Map.of(from, fromLabel, to, toLabel), sourceIds(tx, author))));
			Map<String, Object> props = new HashMap<>(RecordRules.props(tieRecord));
			Marking.of(props).allowedFor(author, null);
			props.put("id", finalId);
			props.put("version", 1);
			Edge created = Edge.of(tx.run(this.statements.text("editing/create-tie"),
					author.visibility().with(Map.of("from", from, "to", to, "type", type.name(), "props", props)))
				.single()
				.get("edge"));
			record(tx, author, Action.LINKED, finalId, from, to, 1, Map.of(), tieRecord.values(), null,
					Marking.of(props), null);
			return created;
		});
	}

	Edge updateLink(Author author, Map<String, Object> input) {
		String id = String.valueOf(input.get("id"));
		int expected = ((Number) input.get("version")).intValue();
		TieId tie = TieId.parse(id);
		return write(author, (tx) -> {
			LockedTie locked = lockTie(tx, author, tie);
			Edge before = locked.edge();
			TieRecord old = TieRecord.fromStored(tie.from(), before.type(), tie.to(), before.properties());
			Revision<TieRecord> revision = revise(author, id, expected, before.properties(), old, TieDraft.of(old),
					input, RecordRules.context(locked.ends(), sourceIds(tx, author)));
			if (revision == null) {
				return before;
			}
			Edge after = Edge.of(tx.run(this.statements.text("editing/replace-tie"), author.visibility()
				.with(Map.of("from", tie.from(), "to", tie.to(), "id", id, "props", revision.props())))
				.single()
				.get("edge"));
			record(tx, author, Action.UPDATED, id, tie.from(), tie.to(), revision.version(), old.values(),
					revision.record().values(), null, revision.marking(), revision.previous());
			return after;
		});
	}

	Edge unlink(Author author, Map<String, Object> input) {
		String id = String.valueOf(input.get("id"));
		int expected = ((Number) input.get("version")).intValue();
		String reason = String.valueOf(input.get("reason")).strip();
		if (reason.isEmpty()) {
			throw WriteRefusedException.invalid(List.of(Map.of("field", "input.reason", "reason",
					"say why the tie is removed (the audit trail keeps it); to record that a tie ended, set its "
							+ "'end' and status 'ended' instead")));
		}
		TieId tie = TieId.parse(id);
		return write(author, (tx) -> {
			Edge before = lockTie(tx, author, tie).edge();
			int version = currentVersion(id, expected, before.properties());
			Marking previous = Marking.of(before.properties());
			previous.allowedFor(author, previous);
			Map<String, Object> old = TieRecord.fromStored(tie.from(), before.type(), tie.to(), before.properties())
				.values();
			tx.run(this.statements.text("editing/delete-tie"),
					author.visibility().with(Map.of("from", tie.from(), "to", tie.to(), "id", id)))
				.consume();
			record(tx, author, Action.UNLINKED, id, tie.from(), tie.to(), nextVersion(version), old, Map.of(), reason,
					previous,
					null);
			return before;
		});
	}

	private <T> T write(Author author, Function<TransactionContext, T> work) {
		if (author.anonymous()) {
			throw new WriteRefusedException(Reason.UNAUTHORIZED, "Writes need credentials: present an editor's token");
		}
		if (!author.writes()) {
			throw new WriteRefusedException(Reason.FORBIDDEN,
					"Writes need the editor or admin role; you are " + author.role());
		}
		TransactionConfig config = TransactionConfig.builder()
			.withTimeout(this.timeout)
			.withMetadata(Map.of("requestId", author.requestId(), "by", author.name()))
			.build();
		try (var session = this.driver.session(this.session)) {
			T done = session.executeWrite(work::apply, config);
			this.version.changed();
			return done;
		}
		catch (ClientException ex) {
			if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(ex.code())) {
				// Another write took the same id between the check and the create.
				throw new WriteRefusedException(Reason.CONFLICT, "The id is taken: another write took it just now");
			}
			throw ex;
		}
	}

	private LockedTie lockTie(TransactionContext tx, Author author, TieId tie) {
		var found = tx.run(this.statements.text("editing/lock-tie"),
				author.visibility().with(Map.of("from", tie.from(), "to", tie.to(), "id", tie.id()))).list();
		if (found.isEmpty()) {
			throw notFound("tie", tie.id());
		}
		Record record = found.get(0);
		return new LockedTie(Edge.of(record.get("edge")),
				Map.of(tie.from(), label(record.get("fromLabels").asList(org.neo4j.driver.Value::asString)), tie.to(),
						label(record.get("toLabels").asList(org.neo4j.driver.Value::asString))));
	}

	/**
	 * The checked next state of an item, or null when the input changes nothing: the version read must be the
	 * current one, the patched record must pass the rules, and the author must be allowed its marking.
	 */
	private static <R extends GraphRecord> @Nullable Revision<R> revise(Author author, String id, int expected,
			Map<String, Object> stored, R old, Draft<R> draft, Map<String, Object> input,
			RecordRules.Context context) {
		int version = currentVersion(id, expected, stored);
		patch(draft, old, input);
		R record = checked(draft.check(context));
		Map<String, Object> props = new HashMap<>(switch (record) {
			case NodeRecord n -> RecordRules.props(n);
			case TieRecord t -> RecordRules.props(t);
			case SourceRecord s -> RecordRules.props(s);
		});
		Marking marking = Marking.of(props);
		Marking previous = Marking.of(stored);
		marking.allowedFor(author, previous);
		if (record.equals(old)) {
			return null;
		}
		int next = nextVersion(version);
		props.put("id", id);
		props.put("version", next);
		return new Revision<>(record, props, next, marking, previous);
	}

	/**
	 * An item's next state.
	 *
	 * @param record the record after the change
	 * @param props the properties to store
	 * @param version the version after the change
	 * @param marking the marking after the change
	 * @param previous the marking before it
	 * @param <R> the kind of record
	 */
	private record Revision<R extends GraphRecord>(R record, Map<String, Object> props, int version, Marking marking,
			Marking previous) {
	}

	/**
	 * A tie locked for a change, with the labels of its ends (which the rules check it against).
	 *
	 * @param edge the tie as stored
	 * @param ends the labels of its ends, by id
	 */
	private record LockedTie(Edge edge, Map<String, Label> ends) {
	}

	private boolean taken(TransactionContext tx, String id) {
		return tx.run(this.statements.text("editing/id-taken"), Map.of("id", id)).single().get("taken").asBoolean();
	}

	private Set<String> sourceIds(TransactionContext tx, Author author) {
		return new java.util.HashSet<>(tx.run(this.statements.text("editing/sources"), author.visibility().with(Map.of()))
			.list((r) -> r.get("id").asString()));
	}

	/** An id made from the acronym or name and a random suffix ({@code org:ecso-4k2q9x}). */
	private String freeId(TransactionContext tx, Label label, Map<String, Object> input) {
		Object basis = (input.get("acronym") != null) ? input.get("acronym") : input.get("name");
		String slug = Normalizer.normalize(String.valueOf(basis), Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.isEmpty()) {
			slug = UUID.randomUUID().toString().substring(0, 8);
		}
		slug = slug.substring(0, Math.min(slug.length(), 60));
		// A random suffix on every made id: a number added only when the plain one is taken would tell the caller
		// that a node they may not see holds it. Drawn again (unobservably) in the rare case it is taken.
		String candidate;
		do {
			candidate = label.prefix() + ":" + slug + "-" + suffix();
		}
		while (taken(tx, candidate));
		return candidate;
	}

	/**
	 * The version after a change: a random stamp (2 to 2^31 - 1), not the next number. A version is what an update
	 * names to show which state it read; a count would tell a caller who sees an item now how many changes it went
	 * through while hidden from them (1, then 4).
	 */
	static int nextVersion(int current) {
		int next;
		do {
			next = 2 + RANDOM.nextInt(Integer.MAX_VALUE - 2);
		}
		while (next == current);
		return next;
	}

	/** Six random lower-case letters and digits (about 31 bits). */
	private static String suffix() {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			suffix.append(Character.forDigit(RANDOM.nextInt(36), 36));
		}
		return suffix.toString();
	}

	/** Patches a draft: left-out fields unchanged, null fields cleared, citations added or removed. */
	private static void patch(Draft<?> draft, GraphRecord old, Map<String, Object> input) {
		List<Map<String, String>> problems = new ArrayList<>();
		input.forEach((key, value) -> {
			if (CONTROL.contains(key)) {
				return;
			}
			if (value == null && REQUIRED.contains(key)) {
				problems.add(Map.of("field", "input." + key, "reason", "'" + key + "' cannot be cleared"));
			}
			draft.set(key, value);
		});
		List<Citation> added = citations(input.get("sources"));
		if (added.isEmpty()) {
			problems.add(Map.of("field", "input.sources", "reason",
					"every change cites at least one source: '<source id>' and a locator"));
		}
		if (!problems.isEmpty()) {
			throw WriteRefusedException.invalid(problems);
		}
		Set<Citation> citations = new LinkedHashSet<>(old.sources());
		citations.addAll(added);
		citations.removeAll(citations(input.get("removeSources")));
		draft.sources(List.copyOf(citations));
	}

	/** Sets a create or link input's fields on a draft (the fields that are not its identity or citations). */
	private static void fill(Draft<?> draft, Map<String, Object> input) {
		input.forEach((key, value) -> {
			if (!CONTROL.contains(key) && value != null) {
				draft.set(key, value);
			}
		});
	}

	/** Citations as given ({@code {sourceId, locator}}), source ids with their {@code source:} prefix. */
	private static List<Citation> citations(@Nullable Object value) {
		List<Citation> citations = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> c) {
					String sourceId = String.valueOf(c.get("sourceId")).strip();
					citations.add(new Citation(sourceId.startsWith("source:") ? sourceId : "source:" + sourceId,
							String.valueOf(c.get("locator")).strip()));
				}
			}
		}
		return citations;
	}

	/** The checked record; refuses one with problems, every problem on its input field. */
	private static <R> R checked(Draft.Checked<R> checked) {
		if (!checked.ok() || checked.record() == null) {
			throw WriteRefusedException.invalid(checked.problems()
				.stream()
				.map((p) -> Map.of("field", (p.field() != null) ? "input." + p.field() : "input", "reason",
						p.reason()))
				.toList());
		}
		return checked.record();
	}

	/** The stored version (1 for a loaded item), refused as stale when it is not the one the caller read. */
	private static int currentVersion(String id, int expected, Map<String, Object> stored) {
		int version = (stored.get("version") instanceof Number n) ? n.intValue() : 1;
		if (version != expected) {
			throw stale(id, expected, version);
		}
		return version;
	}

	private static Label label(List<String> labels) {
		return Label.ofGraphLabels(labels).orElseThrow();
	}

	private static WriteRefusedException notFound(String what, String id) {
		return new WriteRefusedException(Reason.NOT_FOUND, "No " + what + " with id " + id, Map.of("id", id));
	}

	private static WriteRefusedException stale(String id, int expected, int current) {
		return new WriteRefusedException(Reason.CONFLICT, id + " changed since you read it (you read version "
				+ expected + ", it is at version " + current + "): read it again and redo your change",
				Map.of("id", id, "expectedVersion", expected, "currentVersion", current));
	}

	private void record(TransactionContext tx, Author author, Action action, String itemId, @Nullable String from,
			@Nullable String to, int version, Map<String, Object> before, Map<String, Object> after,
			@Nullable String reason, Marking marking, @Nullable Marking previous) {
		Map<String, Object> event = new HashMap<>();
		event.put("id", UUID.randomUUID().toString());
		event.put("by", author.name());
		event.put("role", author.role());
		event.put("requestId", author.requestId());
		event.put("action", action.name());
		event.put("itemId", itemId);
		event.put("from", from);
		event.put("to", to);
		event.put("version", version);
		event.put("changes", HistoryEvent.JSON.writeValueAsString(changes(before, after)));
		event.put("reason", reason);
		event.put("access", marking.access());
		event.put("accessBefore", (previous != null) ? previous.access() : null);
		tx.run(this.statements.text("editing/record-event"), Map.of("event", event)).consume();
	}

	private static List<Change> changes(Map<String, Object> before, Map<String, Object> after) {
		Set<String> keys = new TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		for (String key : keys) {
			List<String> b = texts(before.get(key));
			List<String> a = texts(after.get(key));
			if (!Objects.equals(a, b)) {
				changes.add(new Change(key, b, a));
			}
		}
		return changes;
	}

	private static List<String> texts(@Nullable Object value) {
		if (value instanceof List<?> l) {
			return l.stream().map(String::valueOf).toList();
		}
		return (value == null) ? List.of() : List.of(String.valueOf(value));
	}

	/**
	 * A tie's id, read back into its ends: {@code <from>-<TYPE>-><to>}, then {@code #<role>} when it has one and
	 * {@code ~<suffix>} (random) for a tie made through the API.
	 */
	record TieId(String id, String from, RelType type, String to) {

		static TieId parse(String id) {
			Matcher m = TIE_ID.matcher(id);
			if (!m.matches()) {
				throw new WriteRefusedException(Reason.NOT_FOUND, "No tie with id " + id, Map.of("id", id));
			}
			return new TieId(id, m.group(1), RelType.valueOf(m.group(2)), m.group(3));
		}

	}

}
