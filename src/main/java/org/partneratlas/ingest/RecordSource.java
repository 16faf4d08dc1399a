package org.partneratlas.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams the records of a reader: a JSON file (an object is one record, an array one record per element, or the
 * array a JSON pointer names inside it), a folder of such files, or a CSV file with a header row. One record is held
 * at a time; a file that is not valid JSON or CSV is a problem, and the other files are still read.
 */
final class RecordSource {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private RecordSource() {
	}

	/**
	 * One record and where it is.
	 *
	 * @param file the file, relative to the mapping's base ({@code cable/raman.json})
	 * @param locator the record within it: the file for a whole-file record, {@code file#/features/3} for an array
	 * element, {@code file:12} for a CSV line
	 * @param value the record
	 */
	record Item(String file, String locator, JsonNode value) {
	}

	/** The files a reader reads, in name order. */
	static List<Path> files(Path base, Mapping.ReaderSpec spec) throws IOException {
		Path path = base.resolve(spec.path()).normalize();
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		if (!Files.isDirectory(path)) {
			throw new IOException("no file or folder " + path);
		}
		PathMatcher include = FileSystems.getDefault().getPathMatcher("glob:" + spec.include());
		try (Stream<Path> found = Files.list(path)) {
			return found.filter(Files::isRegularFile)
				.filter((p) -> include.matches(p.getFileName()))
				.filter((p) -> !spec.exclude().contains(p.getFileName().toString()))
				.sorted()
				.toList();
		}
	}

	/** Streams every record of a reader to the consumer; problems of form go to the list. */
	static void read(Path base, Mapping.ReaderSpec spec, Consumer<Item> consumer, List<ImportReport.Problem> problems) {
		List<Path> files;
		try {
			files = files(base, spec);
		}
		catch (IOException ex) {
			problems.add(new ImportReport.Problem(spec.path(), "", "readers." + spec.name() + ".path", ex.getMessage()));
			return;
		}
		// What the consumer throws (a failed write of a streamed import) is not a malformed file: it goes through.
		Consumer<Item> guarded = (item) -> {
			try {
				consumer.accept(item);
			}
			catch (RuntimeException ex) {
				throw new Passed(ex);
			}
		};
		for (Path file : files) {
			String name = base.relativize(file).toString().replace('\\', '/');
			try {
				if ("csv".equals(spec.format())) {
					csv(file, name, guarded, problems);
				}
				else {
					json(file, name, spec.records(), guarded);
				}
			}
			catch (Passed passed) {
				throw passed.thrown;
			}
			catch (IOException | RuntimeException ex) {
				problems.add(new ImportReport.Problem(name, "", "", "not valid " + spec.format().toUpperCase() + ": "
						+ String.valueOf(ex.getMessage()).lines().findFirst().orElse("")));
			}
		}
	}

	/** Carries what the consumer threw past the catch of malformed files. */
	private static final class Passed extends RuntimeException {

		private final RuntimeException thrown;

		Passed(RuntimeException thrown) {
			super(null, null, false, false);
			this.thrown = thrown;
		}

	}

	private static void json(Path file, String name, String pointer, Consumer<Item> consumer) throws IOException {
		try (JsonParser parser = JSON.createParser(file.toFile())) {
			JsonToken token = parser.nextToken();
			List<String> path = new ArrayList<>();
			for (String segment : pointer.split("/")) {
				if (!segment.isEmpty()) {
					path.add(segment);
				}
			}
			for (String segment : path) {
				if (token != JsonToken.START_OBJECT) {
					throw new IOException("no '" + segment + "' in " + pointer);
				}
				boolean found = false;
				while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
					String property = parser.currentName();
					token = parser.nextToken();
					if (property.equals(segment)) {
						found = true;
						break;
					}
					parser.skipChildren();
				}
				if (!found) {
					throw new IOException("no '" + segment + "' in " + pointer);
				}
			}
			if (token == JsonToken.START_ARRAY) {
				int i = 0;
				String prefix = name + "#" + (path.isEmpty() ? "" : "/" + String.join("/", path)) + "/";
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					JsonNode value = JSON.readTree(parser);
					consumer.accept(new Item(name, prefix + i, value));
					i++;
				}
			}
			else if (token == JsonToken.START_OBJECT) {
				consumer.accept(new Item(name, path.isEmpty() ? name : name + "#/" + String.join("/", path),
						JSON.readTree(parser)));
			}
			else {
				throw new IOException("expected an object or an array of objects");
			}
		}
	}

	private static void csv(Path file, String name, Consumer<Item> consumer, List<ImportReport.Problem> problems)
			throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int[] line = { 0 };
			List<String> header = row(reader, line);
			if (header == null) {
				return;
			}
			if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
				header.set(0, header.get(0).substring(1));
			}
			while (true) {
				int at = line[0] + 1;
				List<String> cells = row(reader, line);
				if (cells == null) {
					return;
				}
				if (cells.size() == 1 && cells.get(0).isEmpty()) {
					continue;
				}
				if (cells.size() != header.size()) {
					problems.add(new ImportReport.Problem(name, name + ":" + at, "", "has " + cells.size()
							+ " cells where the header has " + header.size()));
					continue;
				}
				ObjectNode record = JSON.createObjectNode();
				for (int i = 0; i < header.size(); i++) {
					if (!cells.get(i).isEmpty()) {
						record.put(header.get(i), cells.get(i));
					}
				}
				consumer.accept(new Item(name, name + ":" + at, record));
			}
		}
	}

	/** One CSV row (RFC 4180: quotes, doubled quotes, line breaks inside quotes), or null at the end. */
	private static List<String> row(BufferedReader reader, int[] line) throws IOException {
		String text = reader.readLine();
		if (text == null) {
			return null;
		}
		line[0]++;
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int i = 0;
		while (true) {
			if (i >= text.length()) {
				if (quoted) {
					String next = reader.readLine();
					if (next == null) {
						throw new IOException("line " + line[0] + ": a quoted cell is never closed");
					}
					line[0]++;
					cell.append('\n');
					text = next;
					i = 0;
					continue;
				}
				cells.add(cell.toString());
				return cells;
			}
			char c = text.charAt(i++);
			if (quoted) {
				if (c == '"') {
					if (i < text.length() && text.charAt(i) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
	}

}
