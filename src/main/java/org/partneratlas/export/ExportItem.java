package org.partneratlas.export;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.partneratlas.graph.Citation;
import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphItem;
import org.partneratlas.graph.Tlp;

/**
 * A node or an edge as an export writes it: what the API shows of it, no more. Its attributes are the item's type
 * (the node's label or the relationship type), its name, every property the API lists ({@link GraphItem#INTERNAL}
 * ones left out: access lists, owners and recipients never leave the service), its marking, version and citations.
 * Values are plain: text, whole and decimal numbers, booleans, lists of those, and dates as their ISO text.
 *
 * @param id the node's or edge's stable id
 * @param from the start node's id (edges only)
 * @param to the end node's id (edges only)
 * @param name the display name (nodes) or the relationship type (edges)
 * @param tlp the item's marking
 * @param attributes the attributes, in a stable order
 * @param spellStart the first day the item may have started, if dated
 * @param spellEnd the last day it may have ended, if dated
 */
record ExportItem(String id, @Nullable String from, @Nullable String to, String name, Tlp tlp,
		Map<String, Object> attributes, @Nullable LocalDate spellStart, @Nullable LocalDate spellEnd) {

	/** The attribute every node and edge carries its type in (the label, or the relationship type). */
	static final String NODE_TYPE = "type";

	static final String EDGE_TYPE = "relationship";

	/** Attributes every item carries, first, in this order. */
	static final List<String> NODE_FIRST = List.of(NODE_TYPE, "name", "tlp", "version", "sources");

	static final List<String> EDGE_FIRST = List.of(EDGE_TYPE, "tlp", "version", "sources");

	boolean isEdge() {
		return this.from != null;
	}

	static ExportItem of(Entity node) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(NODE_TYPE, node.label().cypherName());
		attributes.put("name", node.name());
		common(node, attributes);
		return new ExportItem(node.id(), null, null, node.name(), node.tlp(), attributes, date(node, "startFrom"),
				date(node, "endTo"));
	}

	static ExportItem of(Edge edge) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(EDGE_TYPE, edge.type().name());
		common(edge, attributes);
		return new ExportItem(edge.id(), edge.from(), edge.to(), edge.type().name(), edge.tlp(), attributes,
				date(edge, "startFrom"), date(edge, "endTo"));
	}

	private static void common(GraphItem item, Map<String, Object> attributes) {
		attributes.put("tlp", item.tlp().marking());
		attributes.put("version", (item.properties().get("version") instanceof Number n) ? n.longValue() : 1L);
		List<Map<String, String>> sources = new ArrayList<>();
		for (Citation c : item.sources()) {
			Map<String, String> citation = new LinkedHashMap<>();
			citation.put("source", c.sourceId());
			citation.put("locator", c.locator());
			sources.add(citation);
		}
		attributes.put("sources", sources);
		item.properties()
			.entrySet()
			.stream()
			.filter((e) -> !GraphItem.INTERNAL.contains(e.getKey()) && !attributes.containsKey(e.getKey())
					&& e.getValue() != null)
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> attributes.put(e.getKey(), plain(e.getValue())));
	}

	/** The cited source ids. */
	List<String> citedSources() {
		List<String> ids = new ArrayList<>();
		if (this.attributes.get("sources") instanceof List<?> list) {
			for (Object c : list) {
				if (c instanceof Map<?, ?> m) {
					ids.add(String.valueOf(m.get("source")));
				}
			}
		}
		return ids;
	}

	private static @Nullable LocalDate date(GraphItem item, String key) {
		return (item.properties().get(key) instanceof LocalDate d) ? d : null;
	}

	/** A stored value as an export writes it: numbers, text and booleans as they are, dates as ISO text. */
	static Object plain(Object value) {
		return switch (value) {
			case Integer i -> i.longValue();
			case Float f -> f.doubleValue();
			case Long l -> l;
			case Double d -> d;
			case Boolean b -> b;
			case String s -> s;
			case List<?> list -> list.stream().map(ExportItem::plain).toList();
			case TemporalAccessor t -> t.toString();
			default -> value.toString();
		};
	}

}
