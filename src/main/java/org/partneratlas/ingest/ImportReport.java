package org.partneratlas.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did or, on a dry run, would do: records read; nodes and ties created, updated and unchanged;
 * where it disagrees with the curated graph; and every problem, each with file, record, field and reason. A run with
 * problems writes nothing.
 *
 * @param mapping the mapping file
 * @param dryRun whether it was a dry run
 * @param written whether anything was committed
 * @param read records read
 * @param created nodes and ties created
 * @param updated nodes and ties updated (a version bump and an audit event each)
 * @param unchanged nodes and ties already as the source says
 * @param nodes nodes the import holds
 * @param ties ties the import holds
 * @param millis how long it took
 * @param conflicts where the source and the curated graph disagree (both statements are kept)
 * @param problems everything wrong, each on its file, record and field
 */
public record ImportReport(String mapping, boolean dryRun, boolean written, long read, long created, long updated,
		long unchanged, long nodes, long ties, long millis, List<Conflict> conflicts, List<Problem> problems) {

	/**
	 * One thing wrong.
	 *
	 * @param file the file, relative to the mapping's base (or the mapping file)
	 * @param record the record: {@code file#/json/pointer} or {@code file:line}, empty for the file as a whole
	 * @param field the field or mapping key it is about, empty for the record as a whole
	 * @param reason what is wrong
	 */
	public record Problem(String file, String record, String field, String reason) {
	}

	/**
	 * A fact the source states differently from the curated graph; the curated statement stays, the source's is kept
	 * beside it with its citation.
	 *
	 * @param id the node or tie
	 * @param field the field ({@code lengthKm}, {@code landing})
	 * @param curated what the curated graph says
	 * @param imported what the source says
	 * @param record the record that says it
	 */
	public record Conflict(String id, String field, String curated, String imported, String record) {
	}

	/** Items per second. */
	public long rate() {
		return (this.millis == 0) ? 0 : (this.nodes + this.ties) * 1000 / this.millis;
	}

	/** The report as a map (GraphQL and JSON). */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("mapping", this.mapping);
		map.put("dryRun", this.dryRun);
		map.put("written", this.written);
		map.put("read", this.read);
		map.put("created", this.created);
		map.put("updated", this.updated);
		map.put("unchanged", this.unchanged);
		map.put("nodes", this.nodes);
		map.put("ties", this.ties);
		map.put("millis", this.millis);
		map.put("ratePerSecond", rate());
		map.put("conflicts", this.conflicts);
		map.put("problems", this.problems);
		return map;
	}

	/** Writes the report as JSON. */
	public void writeJson(Path file) throws IOException {
		Files.writeString(file, RecordSource.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(asMap()));
	}

	/** Prints the summary and every problem and conflict as tables. */
	public void print(PrintStream out) {
		out.printf("%s%s: read %d records; %d nodes, %d ties; created %d, updated %d, unchanged %d; %d conflicts, "
				+ "%d problems; %d ms (%d items/s)%s%n", this.mapping, this.dryRun ? " (dry run)" : "", this.read,
				this.nodes, this.ties, this.created, this.updated, this.unchanged, this.conflicts.size(),
				this.problems.size(), this.millis, rate(),
				this.problems.isEmpty() ? (this.dryRun ? "; nothing written (dry run)" : "")
						: "; NOTHING WRITTEN: fix the problems and run again");
		if (!this.problems.isEmpty()) {
			table(out, List.of("file", "record", "field", "reason"), this.problems.stream()
				.map((p) -> List.of(p.file(), p.record(), p.field(), p.reason()))
				.toList());
		}
		if (!this.conflicts.isEmpty()) {
			table(out, List.of("id", "field", "curated", "imported", "record"), this.conflicts.stream()
				.map((c) -> List.of(c.id(), c.field(), c.curated(), c.imported(), c.record()))
				.toList());
		}
	}

	private static void table(PrintStream out, List<String> header, List<List<String>> rows) {
		List<List<String>> all = new ArrayList<>();
		all.add(header);
		all.addAll(rows);
		int[] widths = new int[header.size()];
		for (List<String> row : all) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.min(70, Math.max(widths[i], row.get(i).length()));
			}
		}
		for (List<String> row : all) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				String cell = row.get(i);
				line.append(String.format("%-" + widths[i] + "s", (cell.length() > 70) ? cell.substring(0, 67) + "..." : cell));
				line.append((i < row.size() - 1) ? " | " : "");
			}
			out.println(line.toString().stripTrailing());
		}
	}

}
