package org.partneratlas.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

import tools.jackson.databind.JsonNode;

/**
 * Stored property values in a backup, typed so that a restore writes back exactly what was read: text, booleans
 * and whole numbers as JSON; decimal numbers as JSON numbers with a point (or {@code {"$float": "NaN"}}); temporal
 * values, durations, points and byte arrays as one-key objects naming their type ({@code {"$date": "2025-03-01"}});
 * lists as arrays. JSON alone would lose the difference between {@code 1} and {@code 1.0}, and between a date and
 * its text.
 */
final class BackupValues {

	private BackupValues() {
	}

	/** A property map in backup form, keys sorted (the same text for the same properties, for checksums). */
	static Map<String, Object> encode(Map<String, Object> properties) {
		Map<String, Object> encoded = new TreeMap<>();
		properties.forEach((k, v) -> encoded.put(k, encode(v)));
		return encoded;
	}

	static Object encode(Object value) {
		return switch (value) {
			case String s -> s;
			case Boolean b -> b;
			case Long l -> l;
			case Integer i -> i.longValue();
			case Double d -> Double.isFinite(d) ? d : Map.of("$float", d.toString());
			case Float f -> encode(f.doubleValue());
			case LocalDate d -> Map.of("$date", d.toString());
			case ZonedDateTime d -> Map.of("$datetime", d.toString());
			case LocalDateTime d -> Map.of("$localdatetime", d.toString());
			case LocalTime t -> Map.of("$localtime", t.toString());
			case OffsetTime t -> Map.of("$time", t.toString());
			case IsoDuration d -> Map.of("$duration", List.of(d.months(), d.days(), d.seconds(), d.nanoseconds()));
			case Point p -> Map.of("$point", Double.isNaN(p.z()) ? List.of(p.srid(), p.x(), p.y())
					: List.of(p.srid(), p.x(), p.y(), p.z()));
			case byte[] bytes -> Map.of("$bytes", Base64.getEncoder().encodeToString(bytes));
			case List<?> list -> list.stream().map(BackupValues::encode).toList();
			default -> throw new IllegalStateException("a property of type " + value.getClass().getName()
					+ " has no backup form");
		};
	}

	/** A property map from backup form, as the driver writes it. */
	static Map<String, Object> decodeProperties(JsonNode properties) {
		Map<String, Object> decoded = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : properties.properties()) {
			decoded.put(e.getKey(), decode(e.getValue()));
		}
		return decoded;
	}

	static Object decode(JsonNode value) {
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isIntegralNumber()) {
			return value.longValue();
		}
		if (value.isFloatingPointNumber()) {
			return value.doubleValue();
		}
		if (value.isArray()) {
			List<Object> list = new ArrayList<>();
			value.forEach((v) -> list.add(decode(v)));
			return list;
		}
		if (value.isObject() && value.size() == 1) {
			Map.Entry<String, JsonNode> typed = value.properties().iterator().next();
			JsonNode v = typed.getValue();
			return switch (typed.getKey()) {
				case "$float" -> Double.parseDouble(v.stringValue());
				case "$date" -> LocalDate.parse(v.stringValue());
				case "$datetime" -> ZonedDateTime.parse(v.stringValue());
				case "$localdatetime" -> LocalDateTime.parse(v.stringValue());
				case "$localtime" -> LocalTime.parse(v.stringValue());
				case "$time" -> OffsetTime.parse(v.stringValue());
				case "$duration" -> Values.isoDuration(v.get(0).longValue(), v.get(1).longValue(), v.get(2).longValue(),
						v.get(3).intValue());
				case "$point" -> (v.size() == 3) ? Values.point(v.get(0).intValue(), v.get(1).doubleValue(),
						v.get(2).doubleValue()) : Values.point(v.get(0).intValue(), v.get(1).doubleValue(),
								v.get(2).doubleValue(), v.get(3).doubleValue());
				case "$bytes" -> Base64.getDecoder().decode(v.stringValue());
				default -> throw new IllegalArgumentException("unknown typed value " + typed.getKey());
			};
		}
		throw new IllegalArgumentException("not a property value: " + value);
	}

}
