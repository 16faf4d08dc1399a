package org.partneratlas.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

/**
 * Cytoscape.js JSON, as {@code cy.json()} writes it and {@code cy.json(...)} or Cytoscape's "Import Network from
 * File" (.cyjs) reads it: {@code data} for the network (its name, the marking, the description and the cited
 * sources) and {@code elements} with {@code nodes} and {@code edges}, each a {@code data} object holding the id
 * (and {@code source}/{@code target} for edges) beside every attribute, lists as JSON arrays. Streamed with
 * Jackson's generator as items come.
 */
final class CytoscapeSink implements GraphSink {

	private final JsonGenerator json;

	private boolean inEdges;

	CytoscapeSink(OutputStream out) {
		this.json = Json.MAPPER.createGenerator(out);
	}

	@Override
	public void begin(ExportHeader header) throws IOException {
		this.json.writeStartObject();
		this.json.writeStringProperty("format_version", "1.0");
		this.json.writeStringProperty("generated_by", "Partner Atlas");
		this.json.writeStringProperty("target_cytoscapejs_version", "~3.33");
		this.json.writeName("data");
		this.json.writeStartObject();
		this.json.writeStringProperty("name", "Partner Atlas export of " + header.description());
		this.json.writeStringProperty("tlp", header.label());
		this.json.writeStringProperty("description", header.summary());
		this.json.writeStringProperty("exported", header.exportedAt().toString());
		this.json.writeName("sources");
		this.json.writeStartArray();
		for (ExportItem source : header.sources()) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", source.id());
			data.putAll(source.attributes());
			this.json.writePOJO(data);
		}
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.writeName("elements");
		this.json.writeStartObject();
		this.json.writeName("nodes");
		this.json.writeStartArray();
	}

	@Override
	public void node(ExportItem node) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", node.id());
		data.putAll(node.attributes());
		element(data);
	}

	@Override
	public void edge(ExportItem edge) {
		if (!this.inEdges) {
			startEdges();
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", edge.id());
		data.put("source", edge.from());
		data.put("target", edge.to());
		data.putAll(edge.attributes());
		element(data);
	}

	private void element(Map<String, Object> data) {
		this.json.writeStartObject();
		this.json.writeName("data");
		this.json.writePOJO(data);
		this.json.writeEndObject();
	}

	private void startEdges() {
		this.json.writeEndArray();
		this.json.writeName("edges");
		this.json.writeStartArray();
		this.inEdges = true;
	}

	@Override
	public void end() {
		if (!this.inEdges) {
			startEdges();
		}
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.writeEndObject();
		this.json.flush();
	}

}
