package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.PartialDate;
import org.partneratlas.graph.Tlp;

/**
 * Turns the records of all seed files into one {@link CuratedGraph}, or into the complete list of what is wrong:
 * unknown keys, labels, kinds, statuses and types; malformed, duplicate or dangling ids; missing or unknown sources;
 * bad dates; bad or missing TLP markings. Validation never stops at the first problem, so a curator fixes a file in
 * one pass. Each record is read by a {@link NodeDraft} or {@link TieDraft} and checked by {@link RecordRules}, as an
 * edit or an import is; this class adds what only a whole graph can tell (duplicates, references across files).
 * <p>
 * Every ISO 3166 country exists as reference data (names from the JDK's ISO list); a {@code Country} record adds to
 * its reference node.
 */
final class SeedValidator {

	static final String REFERENCE_SOURCE = "source:iso3166";

	private static final Set<String> SOURCE_KEYS = Set.of("id", "file", "title", "publisher", "date", "url");

	private final List<SeedProblem> problems = new ArrayList<>();

	private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();

	private final Map<String, Label> labels = new HashMap<>();

	private final Map<String, String> definedAt = new HashMap<>();

	private final Set<String> sourceIds = new HashSet<>();

	private final RecordRules.Context context = new RecordRules.Context() {
		@Override
		public @Nullable Label labelOf(String id) {
			return SeedValidator.this.labels.get(id);
		}

		@Override
		public boolean hasSource(String sourceId) {
			return SeedValidator.this.sourceIds.contains(sourceId);
		}

		@Override
		public boolean isReference(String id) {
			return isReferenceCountry(id);
		}
	};

	List<SeedProblem> problems() {
		return List.copyOf(this.problems);
	}

	/** Validates everything; returns the graph, or throws with every problem found. */
	CuratedGraph validate(SeedFiles files) {
		this.problems.addAll(files.problems());
		referenceSource();
		files.sources().forEach(this::source);
		referenceCountries();
		files.nodes().forEach(this::node);
		List<Map<String, Object>> ties = new ArrayList<>();
		Map<String, String> tieAt = new HashMap<>();
		for (SeedRecord record : files.ties()) {
			Map<String, Object> tie = tie(record);
			if (tie != null) {
				String at = record.file() + ":" + record.line();
				String earlier = tieAt.putIfAbsent((String) tie.get("id"), at);
				if (earlier != null) {
					this.problems.add(new SeedProblem(record.file(), record.line(),
							"duplicate tie " + tie.get("id") + " (first at " + earlier + ")"));
				}
				else {
					ties.add(tie);
				}
			}
		}
		if (!this.problems.isEmpty()) {
			throw new SeedRejectedException(this.problems);
		}
		return new CuratedGraph(List.copyOf(this.nodes.values()), ties);
	}

	private void referenceSource() {
		SourceRecord iso = new SourceRecord(REFERENCE_SOURCE, "ISO 3166-1 country codes", null, null, null, null,
				null, null, null);
		Map<String, Object> props = RecordRules.props(iso);
		props.put("description", "Reference list of countries, as the JDK ships it");
		props.put("sourceLocators", List.of("ISO 3166-1 alpha-2"));
		put(REFERENCE_SOURCE, Label.SOURCE, props);
		this.sourceIds.add(REFERENCE_SOURCE);
	}

	private void source(SeedRecord record) {
		for (String key : record.values().keySet()) {
			if (!SOURCE_KEYS.contains(key)) {
				this.problems.add(record.problem(key,
						"unknown key '" + key + "' (allowed: " + SOURCE_KEYS.stream().sorted().toList() + ")"));
			}
		}
		String id = record.text("id");
		String title = record.text("title");
		if (id == null || title == null) {
			this.problems.add(new SeedProblem(record.file(), record.line(), "a source needs an 'id' and a 'title'"));
			return;
		}
		PartialDate date = null;
		String dateText = record.text("date");
		if (dateText != null) {
			date = PartialDate.parse(dateText).orElse(null);
			if (date == null) {
				this.problems.add(record.problem("date",
						"bad date '" + dateText + "' in 'date' (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)"));
			}
		}
		String full = "source:" + id;
		if (!RecordRules.ID.matcher(full).matches()) {
			this.problems.add(record.problem("id", "malformed source id '" + id + "' (letters, digits, '.', '_' or '-')"));
			return;
		}
		if (define(full, Label.SOURCE, record)) {
			SourceRecord source = new SourceRecord(full, title, record.text("file"), record.text("publisher"),
					record.text("url"), date, null, null, null);
			this.nodes.put(full, RecordRules.row(full, Label.SOURCE, RecordRules.props(source)));
			this.sourceIds.add(full);
		}
	}

	private void referenceCountries() {
		for (String code : Locale.getISOCountries()) {
			Locale locale = Locale.of("", code);
			String iso3 = null;
			try {
				iso3 = locale.getISO3Country();
			}
			catch (java.util.MissingResourceException ex) {
				// a few codes have no alpha-3 in the JDK: leave it out
			}
			NodeRecord country = new NodeRecord("country:" + code, Label.COUNTRY,
					locale.getDisplayCountry(Locale.ENGLISH), null, List.of(), null, null, null, null, null, null, null,
					null, iso3, null, null, null, null, RecordMarking.of(Tlp.CLEAR),
					List.of(new Citation(REFERENCE_SOURCE, "ISO 3166-1 alpha-2 " + code)), Map.of());
			put(country.id(), Label.COUNTRY, RecordRules.props(country));
		}
	}

	private boolean isReferenceCountry(String id) {
		return this.labels.get(id) == Label.COUNTRY && this.nodes.containsKey(id) && !this.definedAt.containsKey(id);
	}

	private void node(SeedRecord record) {
		NodeDraft draft = new NodeDraft();
		draft.defaults(record.defaults().tlp(), record.defaults().owner(), record.defaults().recipients());
		draft.setAll(record.values());
		Draft.Checked<NodeRecord> checked = draft.check(this.context);
		String id = record.text("id");
		Optional<Label> label = Optional.ofNullable(record.text("label")).flatMap(Label::ofCypherName);
		boolean idOk = id != null && label.isPresent()
				&& checked.problems().stream().noneMatch((p) -> "id".equals(p.field()) || "label".equals(p.field()));
		boolean reference = idOk && label.get() == Label.COUNTRY && isReferenceCountry(id);
		if (idOk && !reference && !define(id, label.get(), record)) {
			return;
		}
		place(record, checked.problems());
		NodeRecord node = checked.record();
		if (node == null) {
			return;
		}
		Map<String, Object> props = RecordRules.props(node);
		if (reference) {
			Map<String, Object> stored = propsOf(id);
			List<String> ids = new ArrayList<>(NodeRecord.texts(stored.get("sourceIds")));
			List<String> locators = new ArrayList<>(NodeRecord.texts(stored.get("sourceLocators")));
			ids.addAll(NodeRecord.texts(props.get("sourceIds")));
			locators.addAll(NodeRecord.texts(props.get("sourceLocators")));
			stored.putAll(props);
			stored.put("sourceIds", ids);
			stored.put("sourceLocators", locators);
			this.definedAt.put(id, record.file() + ":" + record.line());
		}
		else {
			this.nodes.put(id, RecordRules.row(id, node.label(), props));
		}
	}

	private @Nullable Map<String, Object> tie(SeedRecord record) {
		TieDraft draft = new TieDraft();
		draft.defaults(record.defaults().tlp(), record.defaults().owner(), record.defaults().recipients());
		draft.setAll(record.values());
		Draft.Checked<TieRecord> checked = draft.check(this.context);
		place(record, checked.problems());
		TieRecord tie = checked.record();
		return (tie != null) ? RecordRules.row(tie, RecordRules.props(tie)) : null;
	}

	/** Places a record's problems at the line of their field (of the record's id when the field is missing). */
	private void place(SeedRecord record, List<RecordProblem> found) {
		for (RecordProblem problem : found) {
			int line = (problem.field() == null) ? record.line()
					: record.lines().containsKey(problem.field()) ? record.lineOf(problem.field()) : record.lineOf("id");
			this.problems.add(new SeedProblem(record.file(), line, problem.field(), problem.reason()));
		}
	}

	private boolean define(String id, Label label, SeedRecord record) {
		String at = record.file() + ":" + record.line();
		String earlier = this.definedAt.putIfAbsent(id, at);
		if (earlier != null || (this.nodes.containsKey(id) && label != Label.COUNTRY)) {
			this.problems.add(record.problem("id", "duplicate id " + id + " (first defined at " + earlier + ")"));
			return false;
		}
		this.labels.put(id, label);
		return true;
	}

	private void put(String id, Label label, Map<String, Object> props) {
		this.nodes.put(id, RecordRules.row(id, label, props));
		this.labels.put(id, label);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> propsOf(String id) {
		return (Map<String, Object>) this.nodes.get(id).get("props");
	}

}
