package org.partneratlas.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.PartialDate;
import org.partneratlas.graph.RelType;

/**
 * A tie to write: a typed relationship between two nodes, with the start node's role. Its ends, type and role are
 * its identity ({@link #id()}).
 *
 * @param from the start node's id
 * @param type the relationship type
 * @param to the end node's id
 * @param role the start node's role, or null
 * @param status its status, or null
 * @param confidence high, medium or low, or null
 * @param start when it started, or null
 * @param end when it ended, or null
 * @param marking its TLP marking
 * @param sources its citations
 * @param properties further properties a mapping gives (scalars or lists of text), by name
 */
public record TieRecord(String from, RelType type, String to, @Nullable String role, @Nullable String status,
		@Nullable String confidence, @Nullable PartialDate start, @Nullable PartialDate end,
		@Nullable RecordMarking marking, List<Citation> sources, Map<String, Object> properties)
		implements GraphRecord {

	public TieRecord {
		sources = List.copyOf(sources);
		properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
	}

	@Override
	public String id() {
		return Edge.idOf(this.from, this.type, this.to, this.role);
	}

	/** A stored relationship back as a record. */
	public static TieRecord fromStored(String from, RelType type, String to, Map<String, Object> stored) {
		return new TieRecord(from, type, to, NodeRecord.text(stored, "role"), NodeRecord.text(stored, "status"),
				NodeRecord.text(stored, "confidence"), NodeRecord.date(stored, "start"), NodeRecord.date(stored, "end"),
				NodeRecord.markingOf(stored), NodeRecord.citationsOf(stored), NodeRecord.extras(stored));
	}

	/** The record in the seed file's form: what the audit trail shows as a change's before and after. */
	public Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("from", this.from);
		values.put("type", this.type.name());
		values.put("to", this.to);
		NodeRecord.put(values, "role", this.role);
		NodeRecord.put(values, "status", this.status);
		NodeRecord.put(values, "confidence", this.confidence);
		NodeRecord.put(values, "start", (this.start != null) ? this.start.text() : null);
		NodeRecord.put(values, "end", (this.end != null) ? this.end.text() : null);
		NodeRecord.markingValues(this.marking, values);
		values.put("sources", NodeRecord.citationTexts(this.sources));
		this.properties.forEach((k, v) -> values.put(k, (v instanceof List<?>) ? v : String.valueOf(v)));
		return values;
	}

}
