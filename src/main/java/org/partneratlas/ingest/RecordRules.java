package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.PartialDate;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Tlp;

/**
 * The curated data's rules, in one place, for every writer: the seed loader, the editing mutations and the importer
 * check the same typed records ({@link NodeRecord}, {@link TieRecord}) here (id form, kinds, vocabularies, which
 * fields apply to which label, dates, TLP marking with owner or recipients, citations of existing sources, which type
 * may join which labels) and store exactly the properties {@link #props} makes, access list included.
 */
public final class RecordRules {

	static final Set<String> STATUSES = org.partneratlas.graph.Vocabulary.STATUSES;

	private static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");

	private static final Set<String> SECTORS = org.partneratlas.graph.Vocabulary.SECTORS;

	private static final Set<String> EU_STATUSES = org.partneratlas.graph.Vocabulary.EU_STATUSES;

	/** The names a further property may take. */
	static final Pattern PROPERTY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

	/** Stored names that fields, markings and the store itself hold: never further properties. */
	static final Set<String> RESERVED = Set.of("id", "label", "name", "acronym", "aliases", "aliasText", "kind",
			"description", "status", "confidence", "start", "startFrom", "startTo", "end", "endFrom", "endTo",
			"sector", "euStatus", "iso3", "lengthKm", "corridor", "url", "seat", "tlp", "tlpLevel", "access", "owner",
			"recipients", "sourceIds", "sourceLocators", "version", "role", "from", "to", "type", "file",
			"publisher", "licence", "retrieved", "sources");

	static final Pattern ID = Pattern.compile("([a-z]+):([A-Za-z0-9][A-Za-z0-9._-]*)");

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

	private RecordRules() {
	}

	/**
	 * What the rules need to know beyond the record: the nodes a tie may name and the sources a citation may name.
	 */
	public interface Context {

		/** The label of a node a tie may name, or null when there is none (or the writer may not see it). */
		@Nullable Label labelOf(String id);

		/** Whether a source may be cited ({@code source:004}). */
		boolean hasSource(String sourceId);

		/** Whether the node is reference data a record adds to (a country of the ISO list), so needs no name. */
		default boolean isReference(String id) {
			return false;
		}

		/** Where a node a tie names should have been defined, for the problem's words. */
		default String nodesAt() {
			return "no seed file defines";
		}

		/** Where a missing source should have been defined, for the problem's words. */
		default String sourcesAt() {
			return "sources.yaml";
		}

	}

	/** A context of given end labels and source ids ({@code source:004} or {@code 004}). */
	public static Context context(Map<String, Label> labels, Set<String> sourceIds) {
		Set<String> sources = new java.util.HashSet<>();
		sourceIds.forEach((id) -> sources.add(Draft.prefixed(id)));
		return new Context() {
			@Override
			public @Nullable Label labelOf(String id) {
				return labels.get(id);
			}

			@Override
			public boolean hasSource(String sourceId) {
				return sources.contains(sourceId);
			}
		};
	}

	/** Checks a node: every problem, each on its field. */
	public static List<RecordProblem> check(NodeRecord node, Context context) {
		List<RecordProblem> problems = new ArrayList<>();
		Label label = node.label();
		String id = node.id();
		Matcher m = ID.matcher(id);
		if (!m.matches()) {
			problems.add(new RecordProblem("id", "malformed id '" + id + "' (expected " + label.prefix()
					+ ":<letters, digits, '.', '_' or '-'>)"));
		}
		else if (!m.group(1).equals(label.prefix())) {
			problems.add(new RecordProblem("id",
					"id '" + id + "' of a " + label.cypherName() + " must start with '" + label.prefix() + ":'"));
		}
		else if (label == Label.COUNTRY && !COUNTRY_CODE.matcher(m.group(2)).matches()) {
			problems.add(new RecordProblem("id",
					"country id '" + id + "' must be an ISO 3166 alpha-2 code in upper case"));
		}
		if (node.name() == null && !context.isReference(id)) {
			problems.add(new RecordProblem("name", "node " + id + " needs a 'name'"));
		}
		if (!label.kinds().isEmpty()) {
			if (node.kind() == null) {
				problems.add(new RecordProblem("kind", label.cypherName() + " " + id + " needs a 'kind', one of "
						+ sorted(label.kinds())));
			}
			else if (!label.kinds().contains(node.kind())) {
				problems.add(new RecordProblem("kind", "unknown kind '" + node.kind() + "' for " + label.cypherName()
						+ " (expected one of " + sorted(label.kinds()) + ")"));
			}
		}
		else if (node.kind() != null) {
			problems.add(new RecordProblem("kind", label.cypherName() + " has no kinds"));
		}
		vocabulary(problems, "status", node.status(), STATUSES, Label.TIES.contains(label));
		vocabulary(problems, "confidence", node.confidence(), CONFIDENCES, true);
		vocabulary(problems, "sector", node.sector(), SECTORS, label.isActor());
		vocabulary(problems, "euStatus", node.euStatus(), EU_STATUSES, label == Label.COUNTRY);
		onlyFor(problems, "iso3", node.iso3(), label == Label.COUNTRY);
		onlyFor(problems, "corridor", node.corridor(), label == Label.CABLE);
		onlyFor(problems, "url", node.url(), label.isActor());
		onlyFor(problems, "seat", node.seat(), label.isActor());
		if (node.lengthKm() != null && label != Label.CABLE) {
			problems.add(new RecordProblem("lengthKm", "'lengthKm' is only for Cable"));
		}
		common(node, context, problems);
		return problems;
	}

	/** Checks a tie: every problem, each on its field. */
	public static List<RecordProblem> check(TieRecord tie, Context context) {
		List<RecordProblem> problems = new ArrayList<>();
		Label fromLabel = reference(problems, context, "from", tie.from());
		Label toLabel = reference(problems, context, "to", tie.to());
		RelType type = tie.type();
		if (fromLabel != null && toLabel != null && !type.allows(fromLabel, toLabel)) {
			problems.add(new RecordProblem("type", type.name() + " cannot go from " + fromLabel.cypherName() + " to "
					+ toLabel.cypherName() + " (it goes from "
					+ type.from().stream().map(Label::cypherName).sorted().toList() + " to "
					+ type.to().stream().map(Label::cypherName).sorted().toList() + ")"));
		}
		vocabulary(problems, "status", tie.status(), STATUSES, true);
		vocabulary(problems, "confidence", tie.confidence(), CONFIDENCES, true);
		common(tie, context, problems);
		return problems;
	}

	private static void common(GraphRecord record, Context context, List<RecordProblem> problems) {
		PartialDate start = record.start();
		PartialDate end = record.end();
		if (start != null && end != null && end.latest().isBefore(start.earliest())) {
			problems.add(new RecordProblem("end", "'end' " + end.text() + " is before 'start' " + start.text()));
		}
		RecordMarking marking = record.marking();
		if (marking == null) {
			problems.add(new RecordProblem("tlp",
					"no TLP marking: set 'tlp' on the record or a default 'tlp' for the file"));
		}
		else if (marking.tlp() == Tlp.AMBER_STRICT && marking.owner() == null) {
			problems.add(new RecordProblem("tlp",
					"AMBER+STRICT needs an 'owner': the organisation whose members may see it"));
		}
		else if (marking.tlp() == Tlp.RED && marking.recipients().isEmpty()) {
			problems.add(new RecordProblem("tlp",
					"RED needs 'recipients': the people or groups it is shared with, by id"));
		}
		if (record.sources().isEmpty()) {
			problems.add(new RecordProblem("sources", "no sources: every record cites '<source id>: <locator>'"));
		}
		for (Citation citation : record.sources()) {
			if (citation.locator().isBlank()) {
				problems.add(new RecordProblem("sources", "citation '" + NodeRecord.citationText(citation)
						+ "' has no locator (write '<source id>: <section heading or footnote N>')"));
			}
			else if (!context.hasSource(citation.sourceId())) {
				String bare = citation.sourceId().substring("source:".length());
				problems.add(new RecordProblem("sources", "citation '" + NodeRecord.citationText(citation)
						+ "' names source '" + bare + "', which " + context.sourcesAt() + " does not define"));
			}
		}
	}

	private static @Nullable Label reference(List<RecordProblem> problems, Context context, String key, String id) {
		Label label = context.labelOf(id);
		if (label == null) {
			problems.add(new RecordProblem(key, "'" + key + "' refers to " + id + ", which " + context.nodesAt()));
		}
		return label;
	}

	private static void vocabulary(List<RecordProblem> problems, String key, @Nullable String value,
			Set<String> allowed, boolean applies) {
		if (value == null) {
			return;
		}
		if (!applies) {
			problems.add(new RecordProblem(key, "'" + key + "' does not apply to this record"));
		}
		else if (!allowed.contains(value)) {
			problems.add(new RecordProblem(key,
					"unknown " + key + " '" + value + "' (expected one of " + sorted(allowed) + ")"));
		}
	}

	private static void onlyFor(List<RecordProblem> problems, String key, @Nullable String value, boolean applies) {
		if (value != null && !applies) {
			problems.add(new RecordProblem(key, "'" + key + "' does not apply to this record"));
		}
	}

	/** The properties a checked node stores (its id included; no version). */
	public static Map<String, Object> props(NodeRecord node) {
		Map<String, Object> props = new LinkedHashMap<>(node.properties());
		props.put("id", node.id());
		put(props, "name", node.name());
		put(props, "acronym", node.acronym());
		put(props, "description", node.description());
		if (!node.aliases().isEmpty()) {
			props.put("aliases", node.aliases());
			props.put("aliasText", String.join(" | ", node.aliases()));
		}
		put(props, "kind", node.kind());
		put(props, "status", node.status());
		put(props, "confidence", node.confidence());
		put(props, "sector", node.sector());
		put(props, "euStatus", node.euStatus());
		put(props, "iso3", node.iso3());
		put(props, "corridor", node.corridor());
		put(props, "url", node.url());
		put(props, "seat", node.seat());
		if (node.lengthKm() != null) {
			props.put("lengthKm", node.lengthKm());
		}
		dates(node, props);
		markAndCite(node, props);
		return props;
	}

	/** The properties a checked tie stores (its id included; no version). */
	public static Map<String, Object> props(TieRecord tie) {
		Map<String, Object> props = new LinkedHashMap<>(tie.properties());
		props.put("id", tie.id());
		put(props, "role", tie.role());
		put(props, "status", tie.status());
		put(props, "confidence", tie.confidence());
		dates(tie, props);
		markAndCite(tie, props);
		return props;
	}

	/** The properties a source node stores. */
	public static Map<String, Object> props(SourceRecord source) {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("id", source.id());
		props.put("name", source.title());
		put(props, "file", source.file());
		put(props, "publisher", source.publisher());
		put(props, "url", source.url());
		put(props, "licence", source.licence());
		put(props, "datasetVersion", source.version());
		put(props, "retrieved", source.retrieved());
		dates(source, props);
		markAndCite(source, props);
		return props;
	}

	/** A node row for {@code ingest/merge-nodes}: {@code id}, {@code labels}, {@code props}. */
	static Map<String, Object> row(String id, Label label, Map<String, Object> props) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("labels", label.graphLabels());
		row.put("props", props);
		return row;
	}

	/** A tie row for {@code ingest/merge-ties}: {@code id}, {@code from}, {@code type}, {@code to}, {@code props}. */
	static Map<String, Object> row(TieRecord tie, Map<String, Object> props) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", tie.id());
		row.put("from", tie.from());
		row.put("type", tie.type().name());
		row.put("to", tie.to());
		row.put("props", props);
		return row;
	}

	private static void dates(GraphRecord record, Map<String, Object> props) {
		date(record.start(), "start", props);
		date(record.end(), "end", props);
	}

	private static void date(@Nullable PartialDate date, String as, Map<String, Object> props) {
		if (date != null) {
			props.put(as, date.text());
			props.put(as + "From", date.earliest());
			props.put(as + "To", date.latest());
		}
	}

	private static void markAndCite(GraphRecord record, Map<String, Object> props) {
		RecordMarking marking = record.marking();
		if (marking != null) {
			props.put("tlp", marking.tlp().marking());
			props.put("tlpLevel", marking.tlp().level());
			props.put("access", marking.access());
			if (marking.tlp() == Tlp.AMBER_STRICT) {
				props.put("owner", marking.owner());
			}
			if (marking.tlp() == Tlp.RED) {
				props.put("recipients", marking.recipients());
			}
		}
		props.put("sourceIds", record.sources().stream().map(Citation::sourceId).toList());
		props.put("sourceLocators", record.sources().stream().map(Citation::locator).toList());
	}

	private static void put(Map<String, Object> props, String key, @Nullable String value) {
		if (value != null) {
			props.put(key, value);
		}
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

}
