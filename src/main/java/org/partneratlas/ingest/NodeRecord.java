package org.partneratlas.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.PartialDate;
import org.partneratlas.graph.Tlp;

/**
 * A node to write: an actor, instrument, programme, project, cable or topic (the label fixes which fields apply and
 * which kinds it takes; {@link RecordRules} checks them).
 *
 * @param id its id ({@code org:ecso})
 * @param label its label
 * @param name its full name (a reference country may leave it to the ISO list)
 * @param acronym short name, or null
 * @param aliases other names
 * @param kind its kind, from the label's vocabulary, or null
 * @param description a sentence on what it is, or null
 * @param status its status, or null
 * @param confidence high, medium or low, or null
 * @param start when it started, or null
 * @param end when it ended, or null
 * @param sector civilian, defence or dual-use (actors), or null
 * @param euStatus EU status (countries), or null
 * @param iso3 ISO alpha-3 code (countries), or null
 * @param lengthKm length (cables), or null
 * @param corridor corridor (cables), or null
 * @param url web address (actors), or null
 * @param seat seat (actors), or null
 * @param marking its TLP marking
 * @param sources its citations
 * @param properties further properties a mapping gives (scalars or lists of text), by name
 */
public record NodeRecord(String id, Label label, @Nullable String name, @Nullable String acronym, List<String> aliases,
		@Nullable String kind, @Nullable String description, @Nullable String status, @Nullable String confidence,
		@Nullable PartialDate start, @Nullable PartialDate end, @Nullable String sector, @Nullable String euStatus,
		@Nullable String iso3, @Nullable Double lengthKm, @Nullable String corridor, @Nullable String url,
		@Nullable String seat, @Nullable RecordMarking marking, List<Citation> sources, Map<String, Object> properties)
		implements GraphRecord {

	public NodeRecord {
		aliases = List.copyOf(aliases);
		sources = List.copyOf(sources);
		properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
	}

	/** A stored node back as a record: what an update starts from. */
	public static NodeRecord fromStored(String id, Label label, Map<String, Object> stored) {
		return new NodeRecord(id, label, text(stored, "name"), text(stored, "acronym"), texts(stored.get("aliases")),
				text(stored, "kind"), text(stored, "description"), text(stored, "status"), text(stored, "confidence"),
				date(stored, "start"), date(stored, "end"), text(stored, "sector"), text(stored, "euStatus"),
				text(stored, "iso3"), (stored.get("lengthKm") instanceof Number n) ? n.doubleValue() : null,
				text(stored, "corridor"), text(stored, "url"), text(stored, "seat"), markingOf(stored),
				citationsOf(stored), extras(stored));
	}

	/**
	 * The record in the seed file's form (keys to text or lists of text, citations as {@code 004: locator}): what
	 * the audit trail shows as a change's before and after.
	 */
	public Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("id", this.id);
		values.put("label", this.label.cypherName());
		put(values, "name", this.name);
		put(values, "acronym", this.acronym);
		if (!this.aliases.isEmpty()) {
			values.put("aliases", this.aliases);
		}
		put(values, "kind", this.kind);
		put(values, "status", this.status);
		put(values, "confidence", this.confidence);
		put(values, "start", (this.start != null) ? this.start.text() : null);
		put(values, "end", (this.end != null) ? this.end.text() : null);
		put(values, "sector", this.sector);
		put(values, "description", this.description);
		put(values, "euStatus", this.euStatus);
		put(values, "iso3", this.iso3);
		put(values, "lengthKm", (this.lengthKm != null) ? number(this.lengthKm) : null);
		put(values, "corridor", this.corridor);
		put(values, "url", this.url);
		put(values, "seat", this.seat);
		markingValues(this.marking, values);
		values.put("sources", citationTexts(this.sources));
		this.properties.forEach((k, v) -> values.put(k, (v instanceof List<?>) ? v : String.valueOf(v)));
		return values;
	}

	/** Stored properties no field holds: the further properties a mapping gave. */
	static Map<String, Object> extras(Map<String, Object> stored) {
		Map<String, Object> extras = new LinkedHashMap<>();
		stored.forEach((k, v) -> {
			if (!RecordRules.RESERVED.contains(k)) {
				extras.put(k, v);
			}
		});
		return extras;
	}

	static void put(Map<String, Object> values, String key, @Nullable String value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	static String number(double value) {
		return (value == Math.rint(value) && !Double.isInfinite(value)) ? Long.toString((long) value)
				: Double.toString(value);
	}

	static void markingValues(@Nullable RecordMarking marking, Map<String, Object> values) {
		if (marking != null) {
			values.put("tlp", marking.tlp().marking());
			if (marking.tlp() == Tlp.AMBER_STRICT && marking.owner() != null) {
				values.put("owner", marking.owner());
			}
			if (marking.tlp() == Tlp.RED) {
				values.put("recipients", marking.recipients());
			}
		}
	}

	/** Citations as the seed file writes them: {@code 004: 2.1 Digital partnerships}. */
	static List<String> citationTexts(List<Citation> citations) {
		return citations.stream().map(NodeRecord::citationText).toList();
	}

	static String citationText(Citation citation) {
		String id = citation.sourceId();
		return (id.startsWith("source:") ? id.substring("source:".length()) : id) + ": " + citation.locator();
	}

	static @Nullable String text(Map<String, Object> stored, String key) {
		Object value = stored.get(key);
		return (value == null) ? null : String.valueOf(value);
	}

	static List<String> texts(@Nullable Object value) {
		return (value instanceof List<?> l) ? l.stream().map(String::valueOf).toList() : List.of();
	}

	static @Nullable PartialDate date(Map<String, Object> stored, String key) {
		Object value = stored.get(key);
		return (value == null) ? null : PartialDate.parse(String.valueOf(value)).orElse(null);
	}

	static @Nullable RecordMarking markingOf(Map<String, Object> stored) {
		Object tlp = stored.get("tlp");
		if (tlp == null) {
			return null;
		}
		return Tlp.ofMarking(String.valueOf(tlp))
			.map((t) -> new RecordMarking(t, (t == Tlp.AMBER_STRICT) ? text(stored, "owner") : null,
					(t == Tlp.RED) ? texts(stored.get("recipients")) : List.of()))
			.orElse(null);
	}

	static List<Citation> citationsOf(Map<String, Object> stored) {
		List<String> ids = texts(stored.get("sourceIds"));
		List<String> locators = texts(stored.get("sourceLocators"));
		List<Citation> citations = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			citations.add(new Citation(ids.get(i), (i < locators.size()) ? locators.get(i) : ""));
		}
		return citations;
	}

}
