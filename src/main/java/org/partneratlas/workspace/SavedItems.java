package org.partneratlas.workspace;

import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import tools.jackson.core.type.TypeReference;

import org.partneratlas.graph.AtlasProperties;
import org.partneratlas.graph.Author;
import org.partneratlas.graph.CypherStatements;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.graph.WriteRefusedException;
import org.partneratlas.graph.WriteRefusedException.Reason;

import org.springframework.stereotype.Component;

/**
 * Saved queries and views in Neo4j: one {@code :Saved} node per version ({@code :SavedQuery} or {@code :SavedView}
 * beside it, never {@code :Entity}, so no graph read, export or analysis sees them), each carrying the item's marking
 * and its access list, read with the same visibility predicate as every graph item. Every write is one transaction
 * that locks the item, checks the caller's role and marking, writes, and appends its audit event (the editing
 * module's {@code AuditEvent}, so {@code history(id)} shows it); a refusal throws inside it, so nothing is written.
 */
@Component
class SavedItems {

	/** What is saved: the kind's name, its id prefix and its labels (the allow-list the create statement takes). */
	enum Kind {

		QUERY("query", List.of("Saved", "SavedQuery")), VIEW("view", List.of("Saved", "SavedView"));

		final String word;

		final List<String> labels;

		Kind(String word, List<String> labels) {
			this.word = word;
			this.labels = labels;
		}

		String noun() {
			return (this == QUERY) ? "saved query" : "view";
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Set<String> SAVERS = Set.of("analyst", "editor", "admin");

	private final Driver driver;

	private final CypherStatements statements;

	private final GraphReads reads;

	private final QueryDocuments documents;

	private final SessionConfig session;

	private final java.time.Duration timeout;

	/** The catalogue a view's query steps name (lazy: the catalogue's saved-query source is built on this class). */
	private final QueryCatalogue catalogue;

	SavedItems(Driver driver, CypherStatements statements, GraphReads reads, QueryDocuments documents,
			AtlasProperties properties, @org.springframework.context.annotation.Lazy QueryCatalogue catalogue) {
		this.catalogue = catalogue;
		this.driver = driver;
		this.statements = statements;
		this.reads = reads;
		this.documents = documents;
		this.session = SessionConfig.builder().withDatabase(properties.database()).build();
		this.timeout = properties.transactionTimeout();
	}

	// ---- queries ------------------------------------------------------------------------------------------------

	CatalogueEntry saveQuery(Author author, Map<String, Object> input) {
		maySave(author, "a query");
		String document = String.valueOf(input.get("document"));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> declared = (input.get("variables") instanceof List<?> l)
				? (List<Map<String, Object>>) l : List.of();
		Map<String, Object> content = common(input);
		List<CatalogueEntry.Variable> variables = this.documents.check(document, declared);
		content.put("document", document);
		content.put("variables", QueryDocuments.JSON.writeValueAsString(variables));
		content.put("origin", CatalogueEntry.Origin.SAVED.name());
		return entry(save(author, Kind.QUERY, id(input), SavedMarking.of(input), content));
	}

	CatalogueEntry promoteQuery(Author author, String id, int version) {
		if (author.anonymous()) {
			throw new WriteRefusedException(Reason.UNAUTHORIZED,
					"Promoting a saved query needs credentials: present an editor's or admin's token");
		}
		if (!author.writes()) {
			throw new WriteRefusedException(Reason.FORBIDDEN,
					"Promoting a saved query needs the editor or admin role; you are " + author.role());
		}
		return entry(write(author, (tx) -> {
			List<Map<String, Object>> versions = lock(tx, author, Kind.QUERY, id);
			Map<String, Object> chosen = versions.stream()
				.filter((v) -> version(v) == version)
				.findFirst()
				.orElseThrow(() -> new WriteRefusedException(Reason.NOT_FOUND,
						"No saved query " + id + " at version " + version, Map.of("id", id, "version", version)));
			if (CatalogueEntry.Origin.PROMOTED.name().equals(chosen.get("origin"))) {
				return chosen;
			}
			// the schema may have changed since it was saved: what is promoted must run today
			this.documents.check(String.valueOf(chosen.get("document")), variableMaps(chosen));
			Map<String, Object> promoted = tx
				.run(this.statements.text("workspace/promote"),
						author.visibility().with(Map.of("id", id, "version", version, "by", author.name())))
				.single()
				.get("saved")
				.asNode()
				.asMap();
			List<String> access = SavedMarking.stored(chosen).access();
			record(tx, author, "PROMOTED", id, version,
					List.of(change("origin", List.of("SAVED"), List.of("PROMOTED"))), null, access, access);
			return promoted;
		}));
	}

	Optional<CatalogueEntry> query(String id, @Nullable Integer version, Visibility visibility) {
		List<Map<String, Object>> versions = versions(Kind.QUERY, id, visibility);
		Optional<Map<String, Object>> chosen = (version != null)
				? versions.stream().filter((v) -> version(v) == version).findFirst()
				: versions.stream()
					.filter((v) -> CatalogueEntry.Origin.PROMOTED.name().equals(v.get("origin")))
					.findFirst()
					.or(() -> versions.stream().findFirst());
		return chosen.map(SavedItems::entry);
	}

	/** The newest version of a saved query, whatever its origin (for its owner and reviewers). */
	Optional<CatalogueEntry> newestQuery(String id, @Nullable Integer version, Visibility visibility) {
		List<Map<String, Object>> versions = versions(Kind.QUERY, id, visibility);
		return versions.stream()
			.filter((v) -> version == null || version(v) == version)
			.findFirst()
			.map(SavedItems::entry);
	}

	List<CatalogueEntry> promoted(Visibility visibility) {
		return this.reads.list("workspace/promoted", visibility, Map.of(), (r) -> entry(r.get("saved").asNode().asMap()));
	}

	List<CatalogueEntry> myQueries(Author author) {
		return this.reads.list("workspace/by-owner", author.visibility(),
				Map.of("owner", author.name(), "kind", Kind.QUERY.word), (r) -> entry(r.get("saved").asNode().asMap()));
	}

	List<CatalogueEntry> toReview(Author author) {
		if (!author.writes()) {
			throw new WriteRefusedException(author.anonymous() ? Reason.UNAUTHORIZED : Reason.FORBIDDEN,
					"Reviewing saved queries needs the editor or admin role; you are " + author.role());
		}
		return this.reads.list("workspace/to-review", author.visibility(), Map.of(),
				(r) -> entry(r.get("saved").asNode().asMap()));
	}

	// ---- views --------------------------------------------------------------------------------------------------

	SavedView saveView(Author author, Map<String, Object> input) {
		maySave(author, "a view");
		@SuppressWarnings("unchecked")
		ViewState state = ViewStates.of((Map<String, Object>) input.get("state"));
		Map<String, Object> content = common(input);
		content.put("state", QueryDocuments.JSON.writeValueAsString(state));
		Map<String, Object> saved = save(author, Kind.VIEW, id(input), SavedMarking.of(input), content);
		return views(List.of(saved), Map.of(), author.visibility()).getFirst();
	}

	Optional<SavedView> view(String id, @Nullable Integer version, Visibility visibility) {
		List<Map<String, Object>> versions = versions(Kind.VIEW, id, visibility);
		Optional<Map<String, Object>> chosen = versions.stream()
			.filter((v) -> version == null || version(v) == version)
			.findFirst();
		return chosen.map((v) -> views(List.of(v), Map.of(id, version(versions.getFirst())), visibility).getFirst());
	}

	List<SavedView> myViews(Author author) {
		List<Map<String, Object>> newest = this.reads.list("workspace/by-owner", author.visibility(),
				Map.of("owner", author.name(), "kind", Kind.VIEW.word), (r) -> r.get("saved").asNode().asMap());
		return views(newest, Map.of(), author.visibility());
	}

	/**
	 * Views as a caller sees them: one statement finds which of all their named nodes the caller may see; a query
	 * step is kept only when the caller may see the catalogue entry it names.
	 * {@code latest} gives an item's newest version where the version shown may be an older one.
	 */
	private List<SavedView> views(List<Map<String, Object>> versions, Map<String, Integer> latest,
			Visibility visibility) {
		List<ViewState> states = versions.stream()
			.map((v) -> QueryDocuments.JSON.readValue(String.valueOf(v.get("state")), ViewState.class))
			.toList();
		Set<String> names = new java.util.LinkedHashSet<>();
		states.forEach((s) -> names.addAll(s.names()));
		Set<String> visible = new HashSet<>();
		if (!names.isEmpty()) {
			this.reads.nodes(List.copyOf(names), visibility).stream().filter(Objects::nonNull).map(Entity::id)
				.forEach(visible::add);
		}
		Map<String, Boolean> docs = new HashMap<>();
		List<SavedView> views = new ArrayList<>();
		for (int i = 0; i < versions.size(); i++) {
			Map<String, Object> v = versions.get(i);
			views.add(new SavedView(String.valueOf(v.get("id")), version(v),
					latest.getOrDefault(String.valueOf(v.get("id")), version(v)), String.valueOf(v.get("name")),
					String.valueOf(v.get("description")), Tlp.valueOf(String.valueOf(v.get("tlp"))),
					String.valueOf(v.get("savedBy")), at(v.get("savedAt")),
					states.get(i).seenWith(visible, (doc) -> docs.computeIfAbsent(doc,
							(d) -> this.catalogue.find(d, visibility).isPresent()))));
		}
		return views;
	}

	// ---- removal ------------------------------------------------------------------------------------------------

	/**
	 * Removes every version of an item: admins may remove any they can see; an owner their own view, and their own
	 * saved query while no version of it is promoted (others may rely on a promoted one).
	 */
	int remove(Author author, Kind kind, String id, String reason) {
		if (author.anonymous()) {
			throw new WriteRefusedException(Reason.UNAUTHORIZED,
					"Removing a " + kind.noun() + " needs credentials: present its owner's or an admin's token");
		}
		if (reason.isBlank()) {
			throw WriteRefusedException.invalid(List.of(Map.of("field", "reason", "reason",
					"say why it is removed (the audit trail keeps it)")));
		}
		return write(author, (tx) -> {
			List<Map<String, Object>> versions = lock(tx, author, kind, id);
			if (versions.isEmpty()) {
				throw notFound(kind, id);
			}
			Map<String, Object> newest = versions.getFirst();
			boolean owner = author.name().equals(newest.get("savedBy"));
			boolean promoted = versions.stream()
				.anyMatch((v) -> CatalogueEntry.Origin.PROMOTED.name().equals(v.get("origin")));
			if (!author.admin()) {
				if (!owner || !SAVERS.contains(author.role())) {
					throw new WriteRefusedException(Reason.FORBIDDEN, "Removing another's " + kind.noun()
							+ " needs the admin role; you are " + author.role());
				}
				if (promoted) {
					throw new WriteRefusedException(Reason.FORBIDDEN, "Removing a promoted query needs the admin "
							+ "role (others may rely on it); you are " + author.role());
				}
			}
			int removed = tx.run(this.statements.text("workspace/remove-item"),
					author.visibility().with(Map.of("id", id, "kind", kind.word)))
				.single()
				.get("removed")
				.asInt();
			List<String> access = SavedMarking.stored(newest).access();
			record(tx, author, "REMOVED", id, version(newest), List.of(), reason.strip(), access, access);
			return removed;
		});
	}

	// ---- the write ----------------------------------------------------------------------------------------------

	private static void maySave(Author author, String what) {
		if (author.anonymous()) {
			throw new WriteRefusedException(Reason.UNAUTHORIZED,
					"Saving " + what + " needs credentials: present an analyst's, editor's or admin's token");
		}
		if (!SAVERS.contains(author.role())) {
			throw new WriteRefusedException(Reason.FORBIDDEN,
					"Saving " + what + " needs the analyst, editor or admin role; you are " + author.role());
		}
	}

	private static Map<String, Object> common(Map<String, Object> input) {
		List<Map<String, String>> problems = new ArrayList<>();
		String name = (input.get("name") instanceof String n) ? n.strip() : "";
		if (name.isEmpty()) {
			problems.add(Map.of("field", "input.name", "reason", "give it a name"));
		}
		if (!problems.isEmpty()) {
			throw WriteRefusedException.invalid(problems);
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("name", name);
		content.put("description", (input.get("description") instanceof String d) ? d.strip() : "");
		return content;
	}

	private static @Nullable String id(Map<String, Object> input) {
		return (input.get("id") instanceof String s && !s.isBlank()) ? s.strip() : null;
	}

	private Map<String, Object> save(Author author, Kind kind, @Nullable String id, SavedMarking marking,
			Map<String, Object> content) {
		return write(author, (tx) -> {
			List<Map<String, Object>> versions = (id != null) ? lock(tx, author, kind, id) : List.of();
			if (id != null && versions.isEmpty()) {
				throw notFound(kind, id);
			}
			Map<String, Object> newest = versions.isEmpty() ? null : versions.getFirst();
			SavedMarking before = (newest != null) ? SavedMarking.stored(newest) : null;
			if (newest != null && !author.name().equals(newest.get("savedBy"))) {
				throw new WriteRefusedException(Reason.FORBIDDEN, "Only its owner saves new versions of " + id
						+ "; leave 'id' out to save a copy of your own", Map.of("id", id));
			}
			marking.allowedFor(author, before);
			boolean promoted = versions.stream()
				.anyMatch((v) -> CatalogueEntry.Origin.PROMOTED.name().equals(v.get("origin")));
			if (promoted && !marking.equals(before) && !author.writes()) {
				throw new WriteRefusedException(Reason.FORBIDDEN, "Changing the marking of a promoted query needs the "
						+ "editor or admin role (it would change who finds it in the catalogue); you are "
						+ author.role());
			}
			String itemId = (id != null) ? id : kind.word + ":" + suffix();
			int version = (newest != null) ? version(newest) + 1 : 1;
			Map<String, Object> props = new HashMap<>(content);
			props.put("id", itemId);
			props.put("version", version);
			props.put("kind", kind.word);
			props.put("savedBy", author.name());
			marking.into(props);
			Map<String, Object> saved = tx
				.run(this.statements.text("workspace/save-version"),
						author.visibility().with(Map.of("labels", kind.labels, "props", props)))
				.single()
				.get("saved")
				.asNode()
				.asMap();
			record(tx, author, (newest == null) ? "CREATED" : "UPDATED", itemId, version, changes(newest, saved),
					null, marking.access(), (before != null) ? before.access() : null);
			return saved;
		});
	}

	private List<Map<String, Object>> lock(TransactionContext tx, Author author, Kind kind, String id) {
		return tx.run(this.statements.text("workspace/lock-item"),
				author.visibility().with(Map.of("id", id, "kind", kind.word)))
			.list((r) -> r.get("saved").asNode().asMap());
	}

	private List<Map<String, Object>> versions(Kind kind, String id, Visibility visibility) {
		return this.reads.list("workspace/versions", visibility, Map.of("id", id, "kind", kind.word),
				(r) -> r.get("saved").asNode().asMap());
	}

	private <T> T write(Author author, Function<TransactionContext, T> work) {
		TransactionConfig config = TransactionConfig.builder()
			.withTimeout(this.timeout)
			.withMetadata(Map.of("requestId", author.requestId(), "by", author.name()))
			.build();
		try (var s = this.driver.session(this.session)) {
			return s.executeWrite(work::apply, config);
		}
		catch (ClientException ex) {
			if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(ex.code())) {
				throw new WriteRefusedException(Reason.CONFLICT,
						"Another save of the same item made this version just now: read it again and save again");
			}
			throw ex;
		}
	}

	/** The audit event, in the write's transaction, through the editing module's own append-only statement. */
	private void record(TransactionContext tx, Author author, String action, String itemId, int version,
			List<Map<String, Object>> changes, @Nullable String reason, List<String> access,
			@Nullable List<String> accessBefore) {
		Map<String, Object> event = new HashMap<>();
		event.put("id", UUID.randomUUID().toString());
		event.put("by", author.name());
		event.put("role", author.role());
		event.put("requestId", author.requestId());
		event.put("action", action);
		event.put("itemId", itemId);
		event.put("version", version);
		event.put("changes", QueryDocuments.JSON.writeValueAsString(changes));
		event.put("reason", reason);
		event.put("access", access);
		event.put("accessBefore", accessBefore);
		tx.run(this.statements.text("editing/record-event"), Map.of("event", event)).consume();
	}

	private static final List<String> AUDITED = List.of("name", "description", "document", "variables", "state",
			"tlp", "organisation", "recipients");

	private static List<Map<String, Object>> changes(@Nullable Map<String, Object> before, Map<String, Object> after) {
		List<Map<String, Object>> changes = new ArrayList<>();
		for (String key : AUDITED) {
			List<String> b = texts((before != null) ? before.get(key) : null);
			List<String> a = texts(after.get(key));
			if (!a.equals(b)) {
				changes.add(change(key, b, a));
			}
		}
		return changes;
	}

	private static Map<String, Object> change(String key, List<String> before, List<String> after) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("key", key);
		change.put("before", before);
		change.put("after", after);
		return change;
	}

	private static List<String> texts(@Nullable Object value) {
		if (value instanceof List<?> l) {
			return l.stream().map(String::valueOf).toList();
		}
		return (value == null) ? List.of() : List.of(String.valueOf(value));
	}

	// ---- mapping ------------------------------------------------------------------------------------------------

	static CatalogueEntry entry(Map<String, Object> v) {
		return new CatalogueEntry(String.valueOf(v.get("id")), version(v), String.valueOf(v.get("name")),
				String.valueOf(v.get("description")), String.valueOf(v.get("document")), variables(v),
				CatalogueEntry.Origin.valueOf(String.valueOf(v.get("origin"))), Tlp.valueOf(String.valueOf(v.get("tlp"))),
				String.valueOf(v.get("savedBy")));
	}

	private static List<CatalogueEntry.Variable> variables(Map<String, Object> v) {
		return QueryDocuments.JSON.readValue(String.valueOf(v.get("variables")),
				new TypeReference<List<CatalogueEntry.Variable>>() {
				});
	}

	private static List<Map<String, Object>> variableMaps(Map<String, Object> v) {
		List<Map<String, Object>> maps = new ArrayList<>();
		for (CatalogueEntry.Variable variable : variables(v)) {
			Map<String, Object> map = new HashMap<>();
			map.put("name", variable.name());
			map.put("type", variable.type());
			map.put("description", variable.description());
			map.put("defaultValue", (variable.defaultValue() != null)
					? QueryDocuments.JSON.writeValueAsString(variable.defaultValue()) : null);
			map.put("suggest", variable.suggest());
			maps.add(map);
		}
		return maps;
	}

	private static int version(Map<String, Object> v) {
		return ((Number) v.get("version")).intValue();
	}

	private static String at(@Nullable Object value) {
		return (value instanceof ZonedDateTime z) ? z.toInstant().toString() : String.valueOf(value);
	}

	private static WriteRefusedException notFound(Kind kind, String id) {
		return new WriteRefusedException(Reason.NOT_FOUND, "No " + kind.noun() + " with id " + id, Map.of("id", id));
	}

	/** Ten random lower-case letters and digits (about 51 bits): an id says nothing of its name or of others. */
	private static String suffix() {
		StringBuilder suffix = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			suffix.append(Character.forDigit(RANDOM.nextInt(36), 36));
		}
		return suffix.toString();
	}

}
