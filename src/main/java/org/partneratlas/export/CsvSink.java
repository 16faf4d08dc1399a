package org.partneratlas.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * CSV, as a zip of a nodes file and an edges file with Gephi's spreadsheet columns first ({@code Id, Label} for
 * nodes; {@code Source, Target, Type, Id, Label} for edges, Type {@code Directed} and Label the relationship type),
 * then one column per attribute (lists as JSON); a sources file with the cited documents; and a README stating the
 * marking. Every file's name carries the marking too. RFC 4180 quoting, UTF-8. Written entry by entry as rows come.
 */
final class CsvSink implements GraphSink {

	private final ZipOutputStream zip;

	private final Writer writer;

	private final String baseName;

	private List<String> nodeKeys = List.of();

	private List<String> edgeKeys = List.of();

	private boolean inEdges;

	CsvSink(OutputStream out, String baseName) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		this.writer = new OutputStreamWriter(this.zip, StandardCharsets.UTF_8);
		this.baseName = baseName;
	}

	@Override
	public void begin(ExportHeader header) throws IOException {
		this.nodeKeys = List.copyOf(header.nodeKeys().keySet());
		this.edgeKeys = List.copyOf(header.edgeKeys().keySet());
		entry("README.txt");
		this.writer.write(header.summary() + "\n\nFiles: " + this.baseName + "-nodes.csv (one row a node), "
				+ this.baseName + "-edges.csv (one row a relationship; Source and Target are node ids), "
				+ this.baseName + "-sources.csv (the source documents cited in the 'sources' columns).\n");
		entry("sources.csv");
		List<String> sourceKeys = new ArrayList<>();
		header.sources().forEach((s) -> s.attributes().keySet().stream().filter((k) -> !sourceKeys.contains(k))
			.forEach(sourceKeys::add));
		List<String> head = new ArrayList<>(List.of("Id"));
		head.addAll(sourceKeys);
		row(head);
		for (ExportItem source : header.sources()) {
			List<String> cells = new ArrayList<>(List.of(source.id()));
			sourceKeys.forEach((k) -> cells.add(cell(source.attributes(), k)));
			row(cells);
		}
		entry("nodes.csv");
		head = new ArrayList<>(List.of("Id", "Label"));
		head.addAll(this.nodeKeys);
		row(head);
	}

	private void entry(String name) throws IOException {
		this.writer.flush();
		this.zip.putNextEntry(new ZipEntry(this.baseName + "-" + name));
	}

	@Override
	public void node(ExportItem node) throws IOException {
		List<String> cells = new ArrayList<>(List.of(node.id(), node.name()));
		this.nodeKeys.forEach((k) -> cells.add(cell(node.attributes(), k)));
		row(cells);
	}

	@Override
	public void edge(ExportItem edge) throws IOException {
		if (!this.inEdges) {
			startEdges();
		}
		List<String> cells = new ArrayList<>(List.of(edge.from(), edge.to(), "Directed", edge.id(), edge.name()));
		this.edgeKeys.forEach((k) -> cells.add(cell(edge.attributes(), k)));
		row(cells);
	}

	private void startEdges() throws IOException {
		entry("edges.csv");
		List<String> head = new ArrayList<>(List.of("Source", "Target", "Type", "Id", "Label"));
		head.addAll(this.edgeKeys);
		row(head);
		this.inEdges = true;
	}

	private static String cell(Map<String, Object> attributes, String key) {
		Object value = attributes.get(key);
		return (value == null) ? "" : AttributeType.text(value);
	}

	private void row(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.writer.write(',');
			}
			this.writer.write(quoted(cells.get(i)));
		}
		this.writer.write("\r\n");
	}

	static String quoted(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	@Override
	public void end() throws IOException {
		if (!this.inEdges) {
			startEdges();
		}
		this.writer.flush();
		this.zip.closeEntry();
		this.zip.finish();
		this.zip.flush();
	}

}
