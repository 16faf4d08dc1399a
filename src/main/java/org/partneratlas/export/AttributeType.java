package org.partneratlas.export;

import java.util.List;
import java.util.Map;

/**
 * The type of an attribute as GraphML and GEXF declare it. Lists and dates are written as text (JSON for lists, ISO
 * for dates): GraphML has no list or date type, and NetworkX reads neither GEXF list types nor dates.
 */
enum AttributeType {

	STRING, LONG, DOUBLE, BOOLEAN;

	/** The type a value is written as. */
	static AttributeType of(Object value) {
		return switch (value) {
			case Long l -> LONG;
			case Integer i -> LONG;
			case Double d -> DOUBLE;
			case Float f -> DOUBLE;
			case Boolean b -> BOOLEAN;
			default -> STRING;
		};
	}

	/** The type of a Cypher {@code valueType()} answer ({@code INTEGER NOT NULL}, {@code LIST<STRING> ...}). */
	static AttributeType ofCypher(String valueType) {
		if (valueType.startsWith("INTEGER")) {
			return LONG;
		}
		if (valueType.startsWith("FLOAT")) {
			return DOUBLE;
		}
		if (valueType.startsWith("BOOLEAN")) {
			return BOOLEAN;
		}
		return STRING;
	}

	/** Two types seen for one key: the same one, or text, which holds both. */
	AttributeType and(AttributeType other) {
		return (this == other) ? this : STRING;
	}

	/** Records the type of every attribute of an item into a key table. */
	static void observe(Map<String, AttributeType> keys, Map<String, Object> attributes) {
		attributes.forEach((key, value) -> keys.merge(key, of(value), AttributeType::and));
	}

	/** An attribute value as text: lists (citations too) as JSON, the rest as written. */
	static String text(Object value) {
		if (value instanceof List<?> || value instanceof Map<?, ?>) {
			return Json.text(value);
		}
		return String.valueOf(value);
	}

}
