package org.partneratlas.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a mapping's values against a record: templates ({@code "cable:{id|slug}"}, {@code "{.name}"} for the
 * item of an {@code each}) and value specs ({@code {field: is_planned, map: {true: planned, false: ongoing}}},
 * {@code {value: "{length}", number: true, absent: ["n.a."]}}, {@code {lookup: geo, key: "{.id}", path:
 * geometry.coordinates.1}}). A value that cannot be read is a problem on its field, never an exception.
 */
final class MappedValues {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");

	private static final Pattern NUMBER = Pattern.compile("\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*");

	private MappedValues() {
	}

	/**
	 * What a value is evaluated against.
	 *
	 * @param record the record
	 * @param item the item of an {@code each}, or null
	 * @param lookups the lookup readers' records, by reader and key
	 * @param at where the item is ({@code cable/x.json#/landing_points/3}), or where the record is
	 */
	record Scope(JsonNode record, @Nullable Object item, Map<String, Map<String, JsonNode>> lookups, String at) {
	}

	/** Evaluates a spec (a template, a literal, or a value spec map); null when absent; problems go to the list. */
	static @Nullable Object value(@Nullable Object spec, Scope scope, String field, List<RecordProblem> problems) {
		if (spec == null) {
			return null;
		}
		if (spec instanceof String template) {
			return template(template, scope);
		}
		if (spec instanceof Map<?, ?> m) {
			Map<String, Object> map = Mapping.map(m);
			Object base;
			if (map.containsKey("lookup")) {
				Map<String, JsonNode> table = scope.lookups().getOrDefault(String.valueOf(map.get("lookup")), Map.of());
				Object key = template(String.valueOf(map.get("key")), scope);
				JsonNode found = (key != null) ? table.get(String.valueOf(key)) : null;
				base = (found != null) ? plain(path(found, String.valueOf(map.getOrDefault("path", "")))) : null;
			}
			else if (map.containsKey("field")) {
				base = plain(resolve("" + map.get("field"), scope));
			}
			else {
				base = value(map.get("value"), scope, field, problems);
			}
			if (base != null && Mapping.texts(map.get("absent")).contains(String.valueOf(base))) {
				base = null;
			}
			if (base == null) {
				return map.get("default");
			}
			if (map.get("map") instanceof Map<?, ?> table) {
				Object mapped = null;
				boolean found = false;
				for (Map.Entry<?, ?> entry : table.entrySet()) {
					if (String.valueOf(entry.getKey()).equals(String.valueOf(base))) {
						mapped = entry.getValue();
						found = true;
					}
				}
				if (!found) {
					if (map.containsKey("default")) {
						return map.get("default");
					}
					problems.add(new RecordProblem(field, "no value mapped for '" + base + "' (expected one of "
							+ table.keySet().stream().map(String::valueOf).toList() + ")"));
					return null;
				}
				base = mapped;
			}
			if (Boolean.TRUE.equals(map.get("number")) || map.get("number") instanceof String) {
				return number(base, field, problems);
			}
			return base;
		}
		return spec;
	}

	/** A text value, or null. */
	static @Nullable String text(@Nullable Object spec, Scope scope, String field, List<RecordProblem> problems) {
		Object value = value(spec, scope, field, problems);
		if (value instanceof List<?> l) {
			return l.isEmpty() ? null : String.valueOf(l.get(0));
		}
		return (value == null) ? null : Mapping.text(value);
	}

	private static @Nullable Double number(Object value, String field, List<RecordProblem> problems) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		Matcher m = NUMBER.matcher(String.valueOf(value));
		if (!m.matches() || !(m.group(2).isEmpty() || m.group(2).equalsIgnoreCase("km"))) {
			problems.add(new RecordProblem(field, "malformed number '" + value + "' (expected digits, optionally "
					+ "with thousands commas and 'km')"));
			return null;
		}
		return Double.parseDouble(m.group(1).replace(",", ""));
	}

	/**
	 * A template's value: when it is one placeholder, the value itself (a number stays a number, a list a list);
	 * otherwise the text with each placeholder filled; null when a placeholder has no value.
	 */
	static @Nullable Object template(String template, Scope scope) {
		Matcher m = PLACEHOLDER.matcher(template);
		if (m.matches()) {
			return placeholder(m.group(1), scope);
		}
		StringBuilder out = new StringBuilder();
		int at = 0;
		m.reset();
		while (m.find()) {
			out.append(template, at, m.start());
			Object value = placeholder(m.group(1), scope);
			if (value == null) {
				return null;
			}
			out.append((value instanceof Double d) ? NodeRecord.number(d) : String.valueOf(value));
			at = m.end();
		}
		out.append(template.substring(at));
		return out.toString();
	}

	private static @Nullable Object placeholder(String expression, Scope scope) {
		String[] parts = expression.split("\\|");
		Object value = plain(resolve(parts[0].strip(), scope));
		for (int i = 1; i < parts.length && value != null; i++) {
			String text = String.valueOf(value);
			value = switch (parts[i].strip()) {
				case "slug" -> slug(text);
				case "lower" -> text.toLowerCase(Locale.ROOT);
				case "upper" -> text.toUpperCase(Locale.ROOT);
				case "trim" -> text.strip();
				default -> throw new IllegalArgumentException("unknown filter '" + parts[i].strip() + "'");
			};
		}
		if (value instanceof String s && s.isBlank()) {
			return null;
		}
		return value;
	}

	/** {@code .} is the item, {@code .name} a field of it, {@code name.sub.0} a path in the record. */
	private static @Nullable Object resolve(String path, Scope scope) {
		if (path.equals(".")) {
			return scope.item();
		}
		if (path.startsWith(".")) {
			Object item = scope.item();
			return (item instanceof JsonNode node) ? path(node, path.substring(1)) : null;
		}
		return path(scope.record(), path);
	}

	static @Nullable JsonNode path(JsonNode node, String path) {
		JsonNode at = node;
		if (!path.isEmpty()) {
			for (String segment : path.split("\\.")) {
				at = at.isArray() && segment.matches("[0-9]+") ? at.path(Integer.parseInt(segment)) : at.path(segment);
			}
		}
		return (at.isMissingNode() || at.isNull()) ? null : at;
	}

	/** A JSON value as plain Java: text, Long, Double, Boolean, a list of texts; other values as they are. */
	static @Nullable Object plain(@Nullable Object value) {
		if (!(value instanceof JsonNode node)) {
			return value;
		}
		if (node.isString()) {
			String text = node.stringValue().strip();
			return text.isEmpty() ? null : text;
		}
		if (node.isIntegralNumber()) {
			return node.numberValue().longValue();
		}
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isArray()) {
			List<String> texts = new ArrayList<>();
			node.values().forEach((v) -> {
				Object p = plain(v);
				if (p != null) {
					texts.add(String.valueOf(p));
				}
			});
			return texts;
		}
		return node;
	}

	/** Lower case, accents off, every run of other characters one '-'. */
	static String slug(String text) {
		String slug = Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		return slug.substring(0, Math.min(slug.length(), 80));
	}

}
