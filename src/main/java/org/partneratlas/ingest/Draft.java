package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.PartialDate;
import org.partneratlas.graph.Tlp;

/**
 * A record being built from its fields, one at a time, from text (a seed file, an imported CSV or JSON record) or
 * from typed input (a GraphQL argument): every value is read here, the same way for every writer, and every value
 * that cannot be read is a {@link RecordProblem} on its field, never an exception. {@link #check} then applies
 * {@link RecordRules} and gives the typed record or every problem.
 *
 * @param <R> the record it builds
 */
public abstract sealed class Draft<R extends GraphRecord> permits NodeDraft, TieDraft {

	static final Set<String> COMMON = Set.of("status", "confidence", "start", "end", "tlp", "owner", "recipients",
			"sources");

	final List<RecordProblem> problems = new ArrayList<>();

	/** Fields already reported as unreadable: the rules do not report them again. */
	final Set<String> invalid = new LinkedHashSet<>();

	@Nullable String status;

	@Nullable String confidence;

	@Nullable PartialDate start;

	@Nullable PartialDate end;

	@Nullable String tlp;

	@Nullable String owner;

	@Nullable List<String> recipients;

	List<Citation> sources = new ArrayList<>();

	final Map<String, Object> properties = new java.util.LinkedHashMap<>();

	private @Nullable String defaultTlp;

	private @Nullable String defaultOwner;

	private List<String> defaultRecipients = List.of();

	/** Takes the fields every record has (status, confidence, dates, marking, citations, extra properties). */
	final void takeCommon(GraphRecord record) {
		this.status = record.status();
		this.confidence = record.confidence();
		this.start = record.start();
		this.end = record.end();
		if (record.marking() != null) {
			this.tlp = record.marking().tlp().marking();
			this.owner = record.marking().owner();
			this.recipients = record.marking().recipients();
		}
		this.sources = new ArrayList<>(record.sources());
		this.properties.putAll(record.properties());
	}

	/** The keys this kind of record takes. */
	abstract Set<String> keys();

	/** Sets one of the record's own (not common) fields; false when it has no such field. */
	abstract boolean setOwn(String field, @Nullable Object value);

	/** The record, or null when a field it cannot do without is missing or unreadable (then a problem says so). */
	abstract @Nullable R build();

	/** The rules for the built record. */
	abstract List<RecordProblem> rules(R record, RecordRules.Context context);

	/**
	 * Sets a field from text, a list of texts, a number, a {@link Tlp}, citations or null (which clears it).
	 *
	 * @return this draft
	 */
	public Draft<R> set(String field, @Nullable Object value) {
		if (!setCommon(field, value) && !setOwn(field, value)) {
			problem(field, "unknown key '" + field + "' (allowed: " + keys().stream().sorted().toList() + ")");
		}
		return this;
	}

	/** Sets every field of a map, in its order. */
	public Draft<R> setAll(Map<String, ?> values) {
		values.forEach(this::set);
		return this;
	}

	/** The marking to take when the record gives none (a seed file's or a mapping's default). */
	public Draft<R> defaults(@Nullable String tlp, @Nullable String owner, List<String> recipients) {
		this.defaultTlp = tlp;
		this.defaultOwner = owner;
		this.defaultRecipients = List.copyOf(recipients);
		return this;
	}

	/**
	 * Sets a further property (one no field holds: a landing point's coordinates, a dataset's own code): text, a
	 * whole or decimal number, true or false, or a list of texts; null removes it.
	 *
	 * @return this draft
	 */
	public Draft<R> property(String name, @Nullable Object value) {
		if (value == null) {
			this.properties.remove(name);
		}
		else if (!RecordRules.PROPERTY.matcher(name).matches() || RecordRules.RESERVED.contains(name)) {
			problem(name, "'" + name + "' cannot be a further property (it must be lowerCamelCase and not one of "
					+ RecordRules.RESERVED.stream().sorted().toList() + ")");
		}
		else if (value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Double) {
			this.properties.put(name, value);
		}
		else if (value instanceof Integer i) {
			this.properties.put(name, i.longValue());
		}
		else if (value instanceof List<?> list) {
			this.properties.put(name, list.stream().map(String::valueOf).toList());
		}
		else {
			problem(name, "'" + name + "' must be text, a number, true or false, or a list of texts");
		}
		return this;
	}

	/** Replaces the citations. */
	public Draft<R> sources(List<Citation> citations) {
		this.sources = new ArrayList<>(citations);
		return this;
	}

	/** The citations so far. */
	public List<Citation> sources() {
		return List.copyOf(this.sources);
	}

	/** Builds the record and checks it against the rules: the record, or every problem. */
	public Checked<R> check(RecordRules.Context context) {
		R record = build();
		List<RecordProblem> all = new ArrayList<>(this.problems);
		if (record != null) {
			for (RecordProblem problem : rules(record, context)) {
				if (problem.field() == null || !this.invalid.contains(problem.field())) {
					all.add(problem);
				}
			}
		}
		return new Checked<>(all.isEmpty() ? record : null, all);
	}

	private boolean setCommon(String field, @Nullable Object value) {
		switch (field) {
			case "status" -> this.status = text(value);
			case "confidence" -> this.confidence = text(value);
			case "start" -> this.start = date(field, value);
			case "end" -> this.end = date(field, value);
			case "tlp" -> this.tlp = (value instanceof Tlp t) ? t.marking() : text(value);
			case "owner" -> this.owner = text(value);
			case "recipients" -> this.recipients = (value == null) ? null : texts(value);
			case "sources" -> this.sources = citations(value);
			default -> {
				return false;
			}
		}
		return true;
	}

	/** The marking, from the record's fields or the defaults; null (with a problem) when there is none. */
	@Nullable RecordMarking marking() {
		String text = (this.tlp != null) ? this.tlp : this.defaultTlp;
		if (text == null) {
			return null;
		}
		Tlp level = Tlp.ofMarking(text.strip())
			.or(() -> java.util.Arrays.stream(Tlp.values()).filter((t) -> t.name().equals(text.strip())).findFirst())
			.orElse(null);
		if (level == null) {
			problem("tlp", "unknown TLP marking '" + text + "' (expected CLEAR, GREEN, AMBER, AMBER+STRICT or RED)");
			return null;
		}
		String ownerOf = (this.owner != null) ? this.owner : this.defaultOwner;
		List<String> recipientsOf = (this.recipients != null) ? this.recipients : this.defaultRecipients;
		return new RecordMarking(level, (level == Tlp.AMBER_STRICT) ? ownerOf : null,
				(level == Tlp.RED) ? recipientsOf : List.of());
	}

	void problem(@Nullable String field, String reason) {
		this.problems.add(new RecordProblem(field, reason));
		if (field != null) {
			this.invalid.add(field);
		}
	}

	static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Double d) {
			return NodeRecord.number(d);
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	static List<String> texts(@Nullable Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).map(String::strip).filter((s) -> !s.isEmpty()).toList();
		}
		String text = text(value);
		return (text == null) ? List.of() : List.of(text);
	}

	@Nullable PartialDate date(String field, @Nullable Object value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		PartialDate date = PartialDate.parse(text).orElse(null);
		if (date == null) {
			problem(field, "bad date '" + text + "' in '" + field
					+ "' (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)");
		}
		return date;
	}

	@Nullable Double number(String field, @Nullable Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			double parsed = Double.parseDouble(text.replace(",", "").replace("_", ""));
			if (!Double.isFinite(parsed) || parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			problem(field, "'" + field + "' must be a number, not '" + text + "'");
			return null;
		}
	}

	/**
	 * Citations from {@link Citation}s, {@code {sourceId, locator}} maps or {@code <source id>: <locator>} texts;
	 * source ids are kept with their {@code source:} prefix.
	 */
	List<Citation> citations(@Nullable Object value) {
		List<Citation> citations = new ArrayList<>();
		List<?> items = (value instanceof List<?> l) ? l : (value == null) ? List.of() : List.of(value);
		for (Object item : items) {
			if (item instanceof Citation c) {
				citations.add(new Citation(prefixed(c.sourceId()), c.locator().strip()));
			}
			else if (item instanceof Map<?, ?> m) {
				citations.add(new Citation(prefixed(String.valueOf(m.get("sourceId")).strip()),
						String.valueOf(m.get("locator")).strip()));
			}
			else {
				String citation = String.valueOf(item);
				int colon = citation.indexOf(':');
				String source = (colon < 0) ? citation.strip() : citation.substring(0, colon).strip();
				String locator = (colon < 0) ? "" : citation.substring(colon + 1).strip();
				if (locator.isEmpty()) {
					problem("sources", "citation '" + citation
							+ "' has no locator (write '<source id>: <section heading or footnote N>')");
				}
				else {
					citations.add(new Citation(prefixed(source), locator));
				}
			}
		}
		return citations;
	}

	static String prefixed(String sourceId) {
		return sourceId.startsWith("source:") ? sourceId : "source:" + sourceId;
	}

	/**
	 * A draft checked.
	 *
	 * @param record the record, or null when it has problems
	 * @param problems every problem, each on its field
	 * @param <R> the record type
	 */
	public record Checked<R>(@Nullable R record, List<RecordProblem> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

}
