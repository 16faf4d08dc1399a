package org.partneratlas.graph;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the API shows of the graph: a node or a relationship, each with its stored properties. The set is closed
 * because the GraphQL schema has exactly these two shapes ({@code Node} and {@code Edge}); every GraphQL field of
 * either is answered by {@link #field(String)} unless a controller maps it.
 */
public sealed interface GraphItem permits Entity, Edge {

	/** Properties the API never shows as such (they are shown through other fields). */
	List<String> INTERNAL = List.of("tlpLevel", "access", "owner", "recipients", "sourceIds", "sourceLocators", "aliasText", "startFrom", "startTo",
			"endFrom", "endTo", "id", "type", "from", "to", "version");

	String id();

	Map<String, Object> properties();

	/** The marking; unmarked data never reaches here (reads filter it out), RED is the fail-closed answer. */
	default Tlp tlp() {
		return (properties().get("tlpLevel") instanceof Number n) ? Tlp.ofLevel(n.longValue()) : Tlp.RED;
	}

	/** The item's citations, in the order the curated data gives them. */
	default List<Citation> sources() {
		List<?> ids = list(properties().get("sourceIds"));
		List<?> locators = list(properties().get("sourceLocators"));
		List<Citation> citations = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			citations.add(new Citation(String.valueOf(ids.get(i)), (i < locators.size()) ? String.valueOf(locators.get(i)) : ""));
		}
		return citations;
	}

	/** Every shown property as key and text, sorted by key: what a generic inspector lists. */
	default List<Property> propertyList() {
		return properties().entrySet()
			.stream()
			.filter((e) -> !INTERNAL.contains(e.getKey()))
			.map((e) -> new Property(e.getKey(), text(e.getValue())))
			.sorted(Comparator.comparing(Property::key))
			.toList();
	}

	/** The value of a GraphQL field that no controller maps. */
	default Object field(String name) {
		return switch (name) {
			case "id" -> id();
			case "tlp" -> tlp();
			case "sources" -> sources();
			case "properties" -> propertyList();
			case "aliases" -> list(properties().get("aliases"));
			// Loaded items carry no version: they are the first one.
			case "version" -> (properties().get("version") instanceof Number n) ? n.intValue() : 1;
			default -> {
				Object value = properties().get(name);
				yield (value instanceof TemporalAccessor) ? value.toString() : value;
			}
		};
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> l) ? l : List.of();
	}

	private static String text(Object value) {
		if (value instanceof List<?> l) {
			return String.join(", ", l.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	/**
	 * A property as key and text.
	 *
	 * @param key the property name
	 * @param value its value as text (lists joined with commas)
	 */
	record Property(String key, String value) {
	}

}
