package org.partneratlas.ingest;

import java.util.List;
import java.util.Map;

/**
 * A record as read from a seed file, before validation: its values (strings, or lists of strings) and where each
 * came from.
 *
 * @param file the file, relative to the seed folder
 * @param line the line the record starts on
 * @param values the record's keys and values, in file order
 * @param lines the line of each key
 * @param defaults the file's default marking, owner and recipients
 */
record SeedRecord(String file, int line, Map<String, Object> values, Map<String, Integer> lines, Defaults defaults) {

	/**
	 * What a file sets for all its records.
	 *
	 * @param tlp the default marking, or null
	 * @param owner the default owner (AMBER+STRICT), or null
	 * @param recipients the default recipients (RED), or empty
	 */
	record Defaults(String tlp, String owner, List<String> recipients) {
	}

	String text(String key) {
		Object value = this.values.get(key);
		return (value instanceof String s && !s.isBlank()) ? s.strip() : null;
	}

	List<String> texts(String key) {
		Object value = this.values.get(key);
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return (value instanceof String s) ? List.of(s) : List.of();
	}

	int lineOf(String key) {
		return this.lines.getOrDefault(key, this.line);
	}

	SeedProblem problem(String key, String reason) {
		return new SeedProblem(this.file, lineOf(key), key, reason);
	}

	/** A key the record lacks: reported at the record's id, about the missing key. */
	SeedProblem missing(String key, String reason) {
		return new SeedProblem(this.file, lineOf("id"), key, reason);
	}

}
