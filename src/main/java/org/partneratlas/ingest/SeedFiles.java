package org.partneratlas.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.springframework.core.io.Resource;

/**
 * Reads seed files into {@link SeedRecord}s, keeping the line of every record and key. YAML is composed, not
 * constructed: every scalar stays the text the curator wrote ({@code 2025} is a date text, not a number), and no
 * YAML tag can instantiate anything.
 */
final class SeedFiles {

	private final List<SeedRecord> sources = new ArrayList<>();

	private final List<SeedRecord> nodes = new ArrayList<>();

	private final List<SeedRecord> ties = new ArrayList<>();

	private final List<SeedProblem> problems = new ArrayList<>();

	List<SeedRecord> sources() {
		return this.sources;
	}

	List<SeedRecord> nodes() {
		return this.nodes;
	}

	List<SeedRecord> ties() {
		return this.ties;
	}

	List<SeedProblem> problems() {
		return this.problems;
	}

	/** Reads one file; problems of form (not YAML, wrong shape) are collected, never thrown. */
	void read(String name, Resource resource) {
		Node root;
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(true);
			root = new Yaml(options).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			this.problems.add(new SeedProblem(name, line, "not valid YAML: " + ex.getProblem()));
			return;
		}
		catch (IOException | RuntimeException ex) {
			this.problems.add(new SeedProblem(name, 0, "cannot be read: " + ex.getMessage()));
			return;
		}
		if (root == null) {
			return;
		}
		if (!(root instanceof MappingNode map)) {
			this.problems.add(new SeedProblem(name, line(root), "expected a map with 'nodes', 'ties' and 'tlp' keys"));
			return;
		}
		String fileTlp = null;
		String fileOwner = null;
		List<String> fileRecipients = List.of();
		for (NodeTuple tuple : map.getValue()) {
			String key = scalar(tuple.getKeyNode());
			Object value = value(tuple.getValueNode());
			if ("tlp".equals(key) && value instanceof String s) {
				fileTlp = s;
			}
			else if ("owner".equals(key) && value instanceof String s) {
				fileOwner = s;
			}
			else if ("recipients".equals(key) && value instanceof List<?> l) {
				fileRecipients = l.stream().map(String::valueOf).toList();
			}
		}
		SeedRecord.Defaults defaults = new SeedRecord.Defaults(fileTlp, fileOwner, fileRecipients);
		for (NodeTuple tuple : map.getValue()) {
			String key = scalar(tuple.getKeyNode());
			switch (String.valueOf(key)) {
				case "tlp", "owner", "recipients" -> {
				}
				case "nodes" -> records(name, tuple.getValueNode(), defaults, this.nodes);
				case "ties" -> records(name, tuple.getValueNode(), defaults, this.ties);
				case "sources" -> records(name, tuple.getValueNode(), defaults, this.sources);
				default -> this.problems.add(new SeedProblem(name, line(tuple.getKeyNode()), "unknown top-level key '"
						+ key + "' (expected nodes, ties, tlp, owner, recipients or, in sources.yaml, sources)"));
			}
		}
	}

	private void records(String file, Node list, SeedRecord.Defaults defaults, List<SeedRecord> into) {
		if (!(list instanceof SequenceNode sequence)) {
			this.problems.add(new SeedProblem(file, line(list), "expected a list of records"));
			return;
		}
		for (Node item : sequence.getValue()) {
			if (!(item instanceof MappingNode record)) {
				this.problems.add(new SeedProblem(file, line(item), "expected a record (a map of keys and values)"));
				continue;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			Map<String, Integer> lines = new LinkedHashMap<>();
			for (NodeTuple tuple : record.getValue()) {
				String key = scalar(tuple.getKeyNode());
				int keyLine = line(tuple.getKeyNode());
				if (key == null) {
					this.problems.add(new SeedProblem(file, keyLine, "a key must be plain text"));
					continue;
				}
				if (values.containsKey(key)) {
					this.problems.add(new SeedProblem(file, keyLine, "key '" + key + "' appears twice in one record"));
					continue;
				}
				Object value = value(tuple.getValueNode());
				if (value == null) {
					this.problems.add(new SeedProblem(file, keyLine,
							"'" + key + "' must be text or a list of texts, not a nested map"));
					continue;
				}
				values.put(key, value);
				lines.put(key, keyLine);
			}
			into.add(new SeedRecord(file, line(item), values, lines, defaults));
		}
	}

	private static Object value(Node node) {
		if (node instanceof ScalarNode s) {
			return s.getValue();
		}
		if (node instanceof SequenceNode seq) {
			List<String> texts = new ArrayList<>();
			for (Node item : seq.getValue()) {
				if (!(item instanceof ScalarNode s)) {
					return null;
				}
				texts.add(s.getValue());
			}
			return texts;
		}
		return null;
	}

	private static String scalar(Node node) {
		return (node instanceof ScalarNode s) ? s.getValue() : null;
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

}
