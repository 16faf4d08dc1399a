package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.PartialDate;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;

/**
 * Turns the records of all seed files into one {@link CuratedGraph}, or into the complete list of what is wrong:
 * unknown keys, labels, kinds, statuses and types; malformed, duplicate or dangling ids; missing or unknown sources;
 * bad dates; bad or missing TLP markings. Validation never stops at the first problem, so a curator fixes a file in
 * one pass.
 * <p>
 * Every ISO 3166 country exists as reference data (names from the JDK's ISO list); a {@code Country} record adds to
 * its reference node.
 */
final class SeedValidator {

	static final String REFERENCE_SOURCE = "iso3166";

	private static final Set<String> NODE_KEYS = Set.of("id", "label", "name", "acronym", "aliases", "kind", "status",
			"confidence", "start", "end", "sector", "description", "tlp", "sources", "euStatus", "iso3", "lengthKm",
			"corridor", "url", "seat", "owner", "recipients");

	private static final Set<String> TIE_KEYS = Set.of("from", "type", "to", "role", "start", "end", "status",
			"confidence", "tlp", "owner", "recipients", "sources");

	private static final Set<String> SOURCE_KEYS = Set.of("id", "file", "title", "publisher", "date", "url");

	static final Set<String> STATUSES = org.partneratlas.graph.Vocabulary.STATUSES;

	private static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");

	private static final Set<String> SECTORS = org.partneratlas.graph.Vocabulary.SECTORS;

	private static final Set<String> EU_STATUSES = org.partneratlas.graph.Vocabulary.EU_STATUSES;

	private static final Pattern ID = Pattern.compile("([a-z]+):([A-Za-z0-9][A-Za-z0-9._-]*)");

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

	private final List<SeedProblem> problems = new ArrayList<>();

	private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();

	private final Map<String, Label> labels = new HashMap<>();

	private final Map<String, String> definedAt = new HashMap<>();

	private final Set<String> sourceIds = new java.util.HashSet<>();

	/**
	 * A validator for one record on its own, as an edit through the API checks it: against the sources that exist
	 * (ids without the {@code source:} prefix) and the labels of the nodes a tie may name.
	 */
	static SeedValidator forOneRecord(Set<String> sourceIds, Map<String, Label> labels) {
		SeedValidator validator = new SeedValidator();
		validator.sourceIds.addAll(sourceIds);
		validator.labels.putAll(labels);
		return validator;
	}

	/** Checks one node record; returns its row ({@code id}, {@code labels}, {@code props}) or null. */
	Map<String, Object> checkNode(SeedRecord record) {
		node(record);
		String id = record.text("id");
		return (this.problems.isEmpty() && id != null) ? this.nodes.get(id) : null;
	}

	/** Checks one tie record; returns its row ({@code id}, {@code from}, {@code type}, {@code to}, {@code props}) or null. */
	Map<String, Object> checkTie(SeedRecord record) {
		Map<String, Object> tie = tie(record);
		return this.problems.isEmpty() ? tie : null;
	}

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
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("name", "ISO 3166-1 country codes");
		props.put("description", "Reference list of countries, as the JDK ships it");
		mark(props, Tlp.CLEAR);
		props.put("sourceIds", List.of("source:" + REFERENCE_SOURCE));
		props.put("sourceLocators", List.of("ISO 3166-1 alpha-2"));
		put("source:" + REFERENCE_SOURCE, Label.SOURCE, props);
		this.sourceIds.add(REFERENCE_SOURCE);
	}

	private void source(SeedRecord record) {
		unknownKeys(record, SOURCE_KEYS);
		String id = record.text("id");
		String title = record.text("title");
		if (id == null || title == null) {
			this.problems.add(new SeedProblem(record.file(), record.line(), "a source needs an 'id' and a 'title'"));
			return;
		}
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("name", title);
		putIfPresent(props, "file", record.text("file"));
		putIfPresent(props, "publisher", record.text("publisher"));
		putIfPresent(props, "url", record.text("url"));
		date(record, "date", props, "start");
		mark(props, Tlp.CLEAR);
		props.put("sourceIds", List.of("source:" + id));
		props.put("sourceLocators", List.of("the whole document"));
		if (validSourceId(record, id) && define("source:" + id, Label.SOURCE, record)) {
			this.nodes.put("source:" + id, withId("source:" + id, Label.SOURCE, props));
			this.sourceIds.add(id);
		}
	}

	private void referenceCountries() {
		for (String code : Locale.getISOCountries()) {
			Locale locale = Locale.of("", code);
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("name", locale.getDisplayCountry(Locale.ENGLISH));
			try {
				props.put("iso3", locale.getISO3Country());
			}
			catch (java.util.MissingResourceException ex) {
				// a few codes have no alpha-3 in the JDK: leave it out
			}
			mark(props, Tlp.CLEAR);
			props.put("sourceIds", new ArrayList<>(List.of("source:" + REFERENCE_SOURCE)));
			props.put("sourceLocators", new ArrayList<>(List.of("ISO 3166-1 alpha-2 " + code)));
			put("country:" + code, Label.COUNTRY, props);
		}
	}

	private void node(SeedRecord record) {
		unknownKeys(record, NODE_KEYS);
		String id = record.text("id");
		String labelName = record.text("label");
		if (id == null || labelName == null) {
			this.problems.add(new SeedProblem(record.file(), record.line(), "a node needs an 'id' and a 'label'"));
			return;
		}
		Optional<Label> found = Label.ofCypherName(labelName);
		if (found.isEmpty() || found.get() == Label.SOURCE) {
			this.problems.add(record.problem("label", "unknown label '" + labelName + "' (expected one of "
					+ Label.actors().stream().map(Label::cypherName).toList()
					+ " or Instrument, Programme, Project, Cable, Topic; sources belong in sources.yaml)"));
			return;
		}
		Label label = found.get();
		if (!validId(record, id, label)) {
			return;
		}
		boolean reference = label == Label.COUNTRY && this.nodes.containsKey(id) && !this.definedAt.containsKey(id);
		if (!reference && !define(id, label, record)) {
			return;
		}
		Map<String, Object> props = reference ? propsOf(id) : new LinkedHashMap<>();
		if (!reference) {
			this.nodes.put(id, withId(id, label, props));
		}
		String name = record.text("name");
		if (name != null) {
			props.put("name", name);
		}
		else if (!reference) {
			this.problems.add(record.missing("name", "node " + id + " needs a 'name'"));
		}
		putIfPresent(props, "acronym", record.text("acronym"));
		putIfPresent(props, "description", record.text("description"));
		List<String> aliases = record.texts("aliases");
		if (!aliases.isEmpty()) {
			props.put("aliases", aliases);
			props.put("aliasText", String.join(" | ", aliases));
		}
		String kind = record.text("kind");
		if (!label.kinds().isEmpty()) {
			if (kind == null) {
				this.problems.add(record.missing("kind", label.cypherName() + " " + id + " needs a 'kind', one of "
						+ sorted(label.kinds())));
			}
			else if (!label.kinds().contains(kind)) {
				this.problems.add(record.problem("kind", "unknown kind '" + kind + "' for " + label.cypherName()
						+ " (expected one of " + sorted(label.kinds()) + ")"));
			}
			else {
				props.put("kind", kind);
			}
		}
		else if (kind != null) {
			this.problems.add(record.problem("kind", label.cypherName() + " has no kinds"));
		}
		vocabulary(record, "status", STATUSES, Label.TIES.contains(label), props);
		vocabulary(record, "confidence", CONFIDENCES, true, props);
		vocabulary(record, "sector", SECTORS, label.isActor(), props);
		vocabulary(record, "euStatus", EU_STATUSES, label == Label.COUNTRY, props);
		onlyFor(record, "iso3", label == Label.COUNTRY, props);
		onlyFor(record, "corridor", label == Label.CABLE, props);
		onlyFor(record, "url", label.isActor(), props);
		onlyFor(record, "seat", label.isActor(), props);
		String length = record.text("lengthKm");
		if (length != null) {
			if (label != Label.CABLE) {
				this.problems.add(record.problem("lengthKm", "'lengthKm' is only for Cable"));
			}
			else {
				try {
					props.put("lengthKm", Double.parseDouble(length));
				}
				catch (NumberFormatException ex) {
					this.problems.add(record.problem("lengthKm", "'lengthKm' must be a number, not '" + length + "'"));
				}
			}
		}
		dates(record, props);
		markAndCite(record, props);
		if (reference) {
			this.definedAt.put(id, record.file() + ":" + record.line());
		}
	}

	private Map<String, Object> tie(SeedRecord record) {
		unknownKeys(record, TIE_KEYS);
		String from = record.text("from");
		String typeName = record.text("type");
		String to = record.text("to");
		if (from == null || typeName == null || to == null) {
			this.problems.add(new SeedProblem(record.file(), record.line(), "a tie needs 'from', 'type' and 'to'"));
			return null;
		}
		Optional<RelType> type = RelType.of(typeName);
		Label fromLabel = reference(record, "from", from);
		Label toLabel = reference(record, "to", to);
		if (type.isEmpty()) {
			this.problems.add(record.problem("type", "unknown relationship type '" + typeName + "' (expected one of "
					+ java.util.Arrays.stream(RelType.values()).map(Enum::name).toList() + ")"));
			return null;
		}
		if (fromLabel == null || toLabel == null) {
			return null;
		}
		if (!type.get().allows(fromLabel, toLabel)) {
			this.problems.add(record.problem("type", typeName + " cannot go from " + fromLabel.cypherName()
					+ " to " + toLabel.cypherName() + " (it goes from "
					+ type.get().from().stream().map(Label::cypherName).sorted().toList() + " to "
					+ type.get().to().stream().map(Label::cypherName).sorted().toList() + ")"));
			return null;
		}
		String role = record.text("role");
		Map<String, Object> props = new LinkedHashMap<>();
		String id = Edge.idOf(from, type.get(), to, role);
		props.put("id", id);
		putIfPresent(props, "role", role);
		vocabulary(record, "status", STATUSES, true, props);
		vocabulary(record, "confidence", CONFIDENCES, true, props);
		dates(record, props);
		markAndCite(record, props);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("from", from);
		row.put("type", type.get().name());
		row.put("to", to);
		row.put("props", props);
		return row;
	}

	private Label reference(SeedRecord record, String key, String id) {
		Label label = this.labels.get(id);
		if (label == null) {
			this.problems.add(record.problem(key, "'" + key + "' refers to " + id + ", which no seed file defines"));
		}
		return label;
	}

	private boolean validId(SeedRecord record, String id, Label label) {
		var m = ID.matcher(id);
		if (!m.matches()) {
			this.problems.add(record.problem("id", "malformed id '" + id + "' (expected " + label.prefix()
					+ ":<letters, digits, '.', '_' or '-'>)"));
			return false;
		}
		if (!m.group(1).equals(label.prefix())) {
			this.problems.add(record.problem("id", "id '" + id + "' of a " + label.cypherName() + " must start with '"
					+ label.prefix() + ":'"));
			return false;
		}
		if (label == Label.COUNTRY && !COUNTRY_CODE.matcher(m.group(2)).matches()) {
			this.problems.add(record.problem("id", "country id '" + id + "' must be an ISO 3166 alpha-2 code in upper case"));
			return false;
		}
		return true;
	}

	private boolean validSourceId(SeedRecord record, String id) {
		if (!ID.matcher("source:" + id).matches()) {
			this.problems.add(record.problem("id", "malformed source id '" + id + "' (letters, digits, '.', '_' or '-')"));
			return false;
		}
		return true;
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
		this.nodes.put(id, withId(id, label, props));
		this.labels.put(id, label);
	}

	private static Map<String, Object> withId(String id, Label label, Map<String, Object> props) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("labels", label.graphLabels());
		row.put("props", props);
		return row;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> propsOf(String id) {
		return (Map<String, Object>) this.nodes.get(id).get("props");
	}

	private Tlp tlp(SeedRecord record) {
		String marking = (record.text("tlp") != null) ? record.text("tlp") : record.defaults().tlp();
		if (marking == null) {
			this.problems.add(record.missing("tlp", "no TLP marking: set 'tlp' on the record or a default 'tlp' for the file"));
			return null;
		}
		Optional<Tlp> tlp = Tlp.ofMarking(marking.strip());
		if (tlp.isEmpty()) {
			String reason = "unknown TLP marking '" + marking + "' (expected CLEAR, GREEN, AMBER, AMBER+STRICT or RED)";
			this.problems.add((record.text("tlp") != null) ? record.problem("tlp", reason) : record.missing("tlp", reason));
		}
		return tlp.orElse(null);
	}

	/**
	 * Sets the record's marking and adds its citations to those the properties already hold (a reference country
	 * keeps its ISO citation).
	 */
	private void markAndCite(SeedRecord record, Map<String, Object> props) {
		Tlp tlp = tlp(record);
		if (tlp != null) {
			String owner = (record.text("owner") != null) ? record.text("owner") : record.defaults().owner();
			List<String> recipients = record.values().containsKey("recipients") ? record.texts("recipients")
					: record.defaults().recipients();
			if (tlp == Tlp.AMBER_STRICT && owner == null) {
				this.problems.add(record.problem("tlp",
						"AMBER+STRICT needs an 'owner': the organisation whose members may see it"));
			}
			else if (tlp == Tlp.RED && recipients.isEmpty()) {
				this.problems.add(record.problem("tlp",
						"RED needs 'recipients': the people or groups it is shared with, by id"));
			}
			else {
				mark(props, tlp, owner, recipients);
			}
		}
		List<String> ids = new ArrayList<>(texts(props.get("sourceIds")));
		List<String> locators = new ArrayList<>(texts(props.get("sourceLocators")));
		sources(record, ids, locators);
		props.put("sourceIds", ids);
		props.put("sourceLocators", locators);
	}

	private static List<String> texts(Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	private void sources(SeedRecord record, List<String> ids, List<String> locators) {
		List<String> citations = record.texts("sources");
		if (citations.isEmpty()) {
			this.problems.add(record.problem("sources", "no sources: every record cites '<source id>: <locator>'"));
			return;
		}
		for (String citation : citations) {
			int colon = citation.indexOf(':');
			String source = (colon < 0) ? citation.strip() : citation.substring(0, colon).strip();
			String locator = (colon < 0) ? "" : citation.substring(colon + 1).strip();
			if (locator.isEmpty()) {
				this.problems.add(record.problem("sources", "citation '" + citation
						+ "' has no locator (write '<source id>: <section heading or footnote N>')"));
			}
			else if (!this.sourceIds.contains(source)) {
				this.problems.add(record.problem("sources", "citation '" + citation + "' names source '" + source
						+ "', which sources.yaml does not define"));
			}
			else {
				ids.add("source:" + source);
				locators.add(locator);
			}
		}
	}

	private void dates(SeedRecord record, Map<String, Object> props) {
		PartialDate start = date(record, "start", props, "start");
		PartialDate end = date(record, "end", props, "end");
		if (start != null && end != null && end.latest().isBefore(start.earliest())) {
			this.problems.add(record.problem("end", "'end' " + end.text() + " is before 'start' " + start.text()));
		}
	}

	private PartialDate date(SeedRecord record, String key, Map<String, Object> props, String as) {
		String text = record.text(key);
		if (text == null) {
			return null;
		}
		Optional<PartialDate> date = PartialDate.parse(text);
		if (date.isEmpty()) {
			this.problems.add(record.problem(key, "bad date '" + text + "' in '" + key
					+ "' (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)"));
			return null;
		}
		props.put(as, date.get().text());
		props.put(as + "From", date.get().earliest());
		props.put(as + "To", date.get().latest());
		return date.get();
	}

	private void vocabulary(SeedRecord record, String key, Set<String> allowed, boolean applies,
			Map<String, Object> props) {
		String value = record.text(key);
		if (value == null) {
			return;
		}
		if (!applies) {
			this.problems.add(record.problem(key, "'" + key + "' does not apply to this record"));
		}
		else if (!allowed.contains(value)) {
			this.problems.add(record.problem(key, "unknown " + key + " '" + value + "' (expected one of "
					+ sorted(allowed) + ")"));
		}
		else {
			props.put(key, value);
		}
	}

	private void onlyFor(SeedRecord record, String key, boolean applies, Map<String, Object> props) {
		String value = record.text(key);
		if (value == null) {
			return;
		}
		if (!applies) {
			this.problems.add(record.problem(key, "'" + key + "' does not apply to this record"));
		}
		else {
			props.put(key, value);
		}
	}

	private void unknownKeys(SeedRecord record, Set<String> allowed) {
		for (String key : record.values().keySet()) {
			if (!allowed.contains(key)) {
				this.problems.add(record.problem(key, "unknown key '" + key + "' (allowed: " + sorted(allowed) + ")"));
			}
		}
	}

	private static void mark(Map<String, Object> props, Tlp tlp) {
		mark(props, tlp, null, List.of());
	}

	private static void mark(Map<String, Object> props, Tlp tlp, String owner, List<String> recipients) {
		props.put("tlp", tlp.marking());
		props.put("tlpLevel", tlp.level());
		props.put("access", Visibility.accessOf(tlp, owner, recipients));
		if (tlp == Tlp.AMBER_STRICT) {
			props.put("owner", owner);
		}
		if (tlp == Tlp.RED) {
			props.put("recipients", recipients);
		}
	}

	private static void putIfPresent(Map<String, Object> props, String key, String value) {
		if (value != null) {
			props.put(key, value);
		}
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

}
