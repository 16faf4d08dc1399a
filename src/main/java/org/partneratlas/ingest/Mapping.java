package org.partneratlas.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A declarative import mapping (README "Data in: import"): which files to read, how each record becomes nodes and
 * ties, how a tie finds its other end, the marking, and the dataset every fact cites. Read from YAML with SnakeYAML's
 * safe constructor (no tag instantiates anything); everything wrong with the mapping itself is a problem listed
 * together, never an exception.
 *
 * @param file the mapping file
 * @param base the folder the readers' paths are relative to
 * @param dataset the dataset, as the source every imported fact cites
 * @param tlp the default marking of every imported item
 * @param owner the default owner (AMBER+STRICT), or null
 * @param recipients the default recipients (RED)
 * @param countries country names the ISO list does not know, to their alpha-2 code
 * @param crosswalk ids the mapping makes, to the ids of nodes that already exist (a curated cable)
 * @param readers the sources of records, by name
 * @param nodes the node rules
 * @param ties the tie rules
 */
public record Mapping(Path file, Path base, SourceRecord dataset, String tlp, @Nullable String owner,
		List<String> recipients, Map<String, String> countries, Map<String, String> crosswalk,
		Map<String, ReaderSpec> readers, List<Rule> nodes, List<Rule> ties) {

	private static final Set<String> TOP = Set.of("dataset", "tlp", "owner", "recipients", "base", "countries",
			"crosswalk", "readers", "nodes", "ties");

	/**
	 * Where records come from.
	 *
	 * @param name the reader's name
	 * @param format json or csv
	 * @param path a file or a folder, relative to the base
	 * @param include the file names a folder contributes (a glob, {@code *.json} by default)
	 * @param exclude file names to leave out
	 * @param records a JSON pointer to the array of records inside each file ({@code /features}), or empty for the
	 * whole file (an object is one record, an array is one record per element)
	 * @param key for a lookup reader: the dotted path of the key each record is found by
	 */
	public record ReaderSpec(String name, String format, String path, String include, List<String> exclude,
			String records, @Nullable String key) {
	}

	/**
	 * How a record becomes nodes or ties.
	 *
	 * @param index the rule's position ({@code nodes[0]})
	 * @param reader the reader whose records it takes
	 * @param each a dotted path to a list (or text to split) inside the record: one item a node or tie, or null
	 * @param split how to split a text {@code each} ({@code ","}), or null
	 * @param spec the rule's keys (label, id, type, from, to, fields, properties...)
	 */
	public record Rule(String index, String reader, @Nullable String each, @Nullable String split,
			Map<String, Object> spec) {

		@Nullable Object get(String key) {
			return this.spec.get(key);
		}

	}

	/** Reads a mapping; a mapping with problems comes back with them listed (and is not run). */
	public static Mapping read(Path file, List<ImportReport.Problem> problems) {
		Map<String, Object> yaml;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			yaml = (loaded instanceof Map<?, ?> m) ? cast(m) : Map.of();
			if (!(loaded instanceof Map<?, ?>)) {
				problems.add(mappingProblem(file, "", "a mapping is a YAML map (dataset, readers, nodes, ties...)"));
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(mappingProblem(file, "", "cannot be read: " + ex.getMessage()));
			yaml = Map.of();
		}
		for (String key : yaml.keySet()) {
			if (!TOP.contains(key)) {
				problems.add(mappingProblem(file, key, "unknown key '" + key + "' (allowed: " + TOP.stream().sorted().toList() + ")"));
			}
		}
		Path dir = file.toAbsolutePath().getParent();
		Path base = (yaml.get("base") != null) ? dir.resolve(String.valueOf(yaml.get("base"))).normalize() : dir;
		Map<String, Object> ds = map(yaml.get("dataset"));
		String id = text(ds.get("id"));
		String title = text(ds.get("title"));
		if (id == null || title == null || !id.startsWith("source:") || !RecordRules.ID.matcher(id).matches()) {
			problems.add(mappingProblem(file, "dataset",
					"the dataset needs an 'id' (source:<letters, digits, '.', '_' or '-'>) and a 'title'"));
			id = "source:unnamed";
			title = "unnamed";
		}
		String retrieved = text(ds.get("retrieved"));
		SourceRecord dataset = new SourceRecord(id, title, text(ds.get("file")), text(ds.get("publisher")),
				text(ds.get("url")), null, text(ds.get("licence")), text(ds.get("version")), retrieved);
		for (String required : List.of("publisher", "licence", "version", "retrieved")) {
			if (text(ds.get(required)) == null) {
				problems.add(mappingProblem(file, "dataset." + required, "the dataset needs a '" + required + "'"));
			}
		}
		String tlp = text(yaml.get("tlp"));
		if (tlp == null) {
			problems.add(mappingProblem(file, "tlp", "a mapping sets the default TLP marking ('tlp: CLEAR')"));
			tlp = "CLEAR";
		}
		Map<String, ReaderSpec> readers = new LinkedHashMap<>();
		map(yaml.get("readers")).forEach((name, value) -> {
			Map<String, Object> r = map(value);
			String format = String.valueOf(r.getOrDefault("format", "json"));
			if (!Set.of("json", "csv").contains(format)) {
				problems.add(mappingProblem(file, "readers." + name + ".format", "format is json or csv, not '" + format + "'"));
			}
			if (text(r.get("path")) == null) {
				problems.add(mappingProblem(file, "readers." + name + ".path", "a reader needs a 'path'"));
			}
			readers.put(name, new ReaderSpec(name, format, String.valueOf(r.getOrDefault("path", "")),
					String.valueOf(r.getOrDefault("include", "*." + format)), texts(r.get("exclude")),
					String.valueOf(r.getOrDefault("records", "")), text(r.get("key"))));
		});
		List<Rule> nodes = rules(file, "nodes", yaml.get("nodes"), readers, problems);
		List<Rule> ties = rules(file, "ties", yaml.get("ties"), readers, problems);
		Map<String, String> countries = new LinkedHashMap<>();
		map(yaml.get("countries")).forEach((k, v) -> countries.put(k, String.valueOf(v)));
		Map<String, String> crosswalk = new LinkedHashMap<>();
		map(yaml.get("crosswalk")).forEach((k, v) -> crosswalk.put(k, String.valueOf(v)));
		return new Mapping(file, base, dataset, tlp, text(yaml.get("owner")), texts(yaml.get("recipients")), countries,
				crosswalk, readers, nodes, ties);
	}

	private static List<Rule> rules(Path file, String kind, @Nullable Object value, Map<String, ReaderSpec> readers,
			List<ImportReport.Problem> problems) {
		List<Rule> rules = new ArrayList<>();
		List<?> list = (value instanceof List<?> l) ? l : List.of();
		for (int i = 0; i < list.size(); i++) {
			Map<String, Object> spec = map(list.get(i));
			String index = kind + "[" + i + "]";
			String reader = text(spec.get("reader"));
			if (reader == null || !readers.containsKey(reader)) {
				problems.add(mappingProblem(file, index + ".reader", "names no reader of 'readers' ('" + reader + "')"));
				continue;
			}
			rules.add(new Rule(index, reader, text(spec.get("each")), text(spec.get("split")), spec));
		}
		return rules;
	}

	static ImportReport.Problem mappingProblem(Path file, String field, String reason) {
		return new ImportReport.Problem(String.valueOf(file.getFileName()), "", field, reason);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> m) ? cast(m) : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> m) {
		Map<String, Object> out = new LinkedHashMap<>();
		m.forEach((k, v) -> out.put(String.valueOf(k), v));
		return out;
	}

	static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		String text = (value instanceof java.util.Date d)
				? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString() : String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	static List<String> texts(@Nullable Object value) {
		if (value instanceof List<?> l) {
			return l.stream().map(String::valueOf).toList();
		}
		return (value == null) ? List.of() : List.of(String.valueOf(value));
	}

}
