package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;

/**
 * The curated data's rules, for one record at a time: an edit through the API is checked by exactly the rules a seed
 * file is (labels, id form, kinds, vocabularies, dates, TLP marking with owner or recipients, citations of existing
 * sources) and turned into exactly the stored properties the loader would write, access list included. A record is
 * a map of the seed file's keys to text or lists of text ({@code seed-data/README.md}).
 */
public final class RecordRules {

	private static final String INPUT = "input";

	private RecordRules() {
	}

	/**
	 * Checks a node record.
	 *
	 * @param values the record, in seed-file form ({@code id}, {@code label}, {@code name}, {@code tlp},
	 * {@code sources}...)
	 * @param sourceIds the ids of the sources a citation may name ({@code source:004})
	 * @return the row to write ({@code id}, {@code labels}, {@code props}), or the problems
	 */
	public static Checked node(Map<String, Object> values, Set<String> sourceIds) {
		SeedValidator validator = SeedValidator.forOneRecord(bare(sourceIds), Map.of());
		Map<String, Object> row = validator.checkNode(record(values));
		return new Checked(row, problems(validator));
	}

	/**
	 * Checks a tie record ({@code from}, {@code type}, {@code to}, {@code role}, {@code tlp}, {@code sources}...).
	 *
	 * @param values the record, in seed-file form
	 * @param ends the labels of the nodes it may name, by id
	 * @param sourceIds the ids of the sources a citation may name ({@code source:004})
	 * @return the row to write ({@code id}, {@code from}, {@code type}, {@code to}, {@code props}), or the problems
	 */
	public static Checked tie(Map<String, Object> values, Map<String, Label> ends, Set<String> sourceIds) {
		SeedValidator validator = SeedValidator.forOneRecord(bare(sourceIds), ends);
		Map<String, Object> row = validator.checkTie(record(values));
		return new Checked(row, problems(validator));
	}

	/** A stored node back in record form: what an update starts from. */
	public static Map<String, Object> recordOf(String id, Label label, Map<String, Object> stored) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("id", id);
		values.put("label", label.cypherName());
		for (String key : List.of("name", "acronym", "aliases", "kind", "status", "confidence", "start", "end",
				"sector", "description", "euStatus", "iso3", "lengthKm", "corridor", "url", "seat")) {
			copy(stored, key, values);
		}
		marking(stored, values);
		return values;
	}

	/** A stored relationship back in record form. */
	public static Map<String, Object> recordOf(String from, RelType type, String to, Map<String, Object> stored) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("from", from);
		values.put("type", type.name());
		values.put("to", to);
		for (String key : List.of("role", "status", "confidence", "start", "end")) {
			copy(stored, key, values);
		}
		marking(stored, values);
		return values;
	}

	/** A citation in record form: {@code 004: 2.1 Digital partnerships}. */
	public static String citation(String sourceId, String locator) {
		String bare = sourceId.startsWith("source:") ? sourceId.substring("source:".length()) : sourceId;
		return bare + ": " + locator;
	}

	private static void marking(Map<String, Object> stored, Map<String, Object> values) {
		copy(stored, "tlp", values);
		copy(stored, "owner", values);
		copy(stored, "recipients", values);
		List<String> citations = new ArrayList<>();
		List<?> ids = (stored.get("sourceIds") instanceof List<?> l) ? l : List.of();
		List<?> locators = (stored.get("sourceLocators") instanceof List<?> l) ? l : List.of();
		for (int i = 0; i < ids.size(); i++) {
			citations.add(citation(String.valueOf(ids.get(i)), (i < locators.size()) ? String.valueOf(locators.get(i)) : ""));
		}
		values.put("sources", citations);
	}

	private static void copy(Map<String, Object> stored, String key, Map<String, Object> values) {
		Object value = stored.get(key);
		if (value != null) {
			values.put(key, inRecordForm(value));
		}
	}

	/** A value as a seed file writes it: a list as a list of text, a whole number without decimals, else text. */
	public static Object inRecordForm(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
			return Long.toString(d.longValue());
		}
		return String.valueOf(value);
	}

	private static SeedRecord record(Map<String, Object> values) {
		return new SeedRecord(INPUT, 0, values, Map.of(), new SeedRecord.Defaults(null, null, List.of()));
	}

	private static Set<String> bare(Set<String> sourceIds) {
		Set<String> bare = new java.util.HashSet<>();
		sourceIds.forEach((id) -> bare.add(id.startsWith("source:") ? id.substring("source:".length()) : id));
		return bare;
	}

	private static List<Map<String, String>> problems(SeedValidator validator) {
		return validator.problems()
			.stream()
			.map((p) -> Map.of("field", (p.key() != null) ? INPUT + "." + p.key() : INPUT, "reason", p.reason()))
			.toList();
	}

	/**
	 * A checked record.
	 *
	 * @param row what to write, or null when the record has problems
	 * @param problems each as {@code field} ({@code input.kind}) and {@code reason}
	 */
	public record Checked(Map<String, Object> row, List<Map<String, String>> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

}
