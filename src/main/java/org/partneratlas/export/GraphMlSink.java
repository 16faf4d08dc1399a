package org.partneratlas.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GraphML with typed keys ({@code attr.type} boolean, long, double or string; lists as JSON text, dates as ISO
 * text), one {@code <data>} per attribute an item has (no {@code <default>}s: NetworkX does not apply them). The
 * graph's own keys carry the marking, a description and the cited sources (as JSON). Written with StAX as items come.
 */
final class GraphMlSink implements GraphSink {

	static final String NS = "http://graphml.graphdrawing.org/xmlns";

	private final OutputStream out;

	private final Xml xml;

	private final Map<String, String> nodeKeyIds = new HashMap<>();

	private final Map<String, String> edgeKeyIds = new HashMap<>();

	GraphMlSink(OutputStream out) throws IOException {
		this.out = out;
		this.xml = new Xml(out);
	}

	@Override
	public void begin(ExportHeader header) throws IOException {
		this.xml.write((w) -> {
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.writeComment(" " + Xml.clean(header.summary()).replace("--", "- -") + " ");
			w.writeCharacters("\n");
			w.writeStartElement("graphml");
			w.writeDefaultNamespace(NS);
			w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
			w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
					NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
			w.writeCharacters("\n");
			key(w, "g_tlp", "graph", "tlp", AttributeType.STRING);
			key(w, "g_description", "graph", "description", AttributeType.STRING);
			key(w, "g_exported", "graph", "exported", AttributeType.STRING);
			key(w, "g_sources", "graph", "sources", AttributeType.STRING);
			declare(w, "n", "node", header.nodeKeys(), this.nodeKeyIds);
			declare(w, "e", "edge", header.edgeKeys(), this.edgeKeyIds);
			w.writeStartElement("graph");
			w.writeAttribute("id", "partner-atlas");
			w.writeAttribute("edgedefault", "directed");
			w.writeCharacters("\n");
			data(w, "g_tlp", header.label());
			data(w, "g_description", header.summary());
			data(w, "g_exported", header.exportedAt().toString());
			List<Map<String, Object>> sources = header.sources().stream().map((s) -> {
				Map<String, Object> source = new LinkedHashMap<>();
				source.put("id", s.id());
				source.putAll(s.attributes());
				return source;
			}).toList();
			data(w, "g_sources", Json.text(sources));
		});
	}

	private static void declare(XMLStreamWriter w, String prefix, String kind, Map<String, AttributeType> keys,
			Map<String, String> ids) throws XMLStreamException {
		int i = 0;
		for (Map.Entry<String, AttributeType> key : keys.entrySet()) {
			String id = prefix + (i++);
			ids.put(key.getKey(), id);
			key(w, id, kind, key.getKey(), key.getValue());
		}
	}

	private static void key(XMLStreamWriter w, String id, String kind, String name, AttributeType type)
			throws XMLStreamException {
		w.writeEmptyElement("key");
		w.writeAttribute("id", id);
		w.writeAttribute("for", kind);
		w.writeAttribute("attr.name", Xml.clean(name));
		w.writeAttribute("attr.type", type.name().toLowerCase(Locale.ROOT));
		w.writeCharacters("\n");
	}

	private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
		w.writeStartElement("data");
		w.writeAttribute("key", key);
		w.writeCharacters(Xml.clean(value));
		w.writeEndElement();
		w.writeCharacters("\n");
	}

	@Override
	public void node(ExportItem node) throws IOException {
		this.xml.write((w) -> {
			w.writeStartElement("node");
			w.writeAttribute("id", Xml.clean(node.id()));
			attributes(w, node, this.nodeKeyIds);
			w.writeEndElement();
			w.writeCharacters("\n");
		});
	}

	@Override
	public void edge(ExportItem edge) throws IOException {
		this.xml.write((w) -> {
			w.writeStartElement("edge");
			w.writeAttribute("id", Xml.clean(edge.id()));
			w.writeAttribute("source", Xml.clean(edge.from()));
			w.writeAttribute("target", Xml.clean(edge.to()));
			attributes(w, edge, this.edgeKeyIds);
			w.writeEndElement();
			w.writeCharacters("\n");
		});
	}

	private static void attributes(XMLStreamWriter w, ExportItem item, Map<String, String> ids)
			throws XMLStreamException {
		for (Map.Entry<String, Object> a : item.attributes().entrySet()) {
			String key = ids.get(a.getKey());
			if (key != null) {
				data(w, key, AttributeType.text(a.getValue()));
			}
		}
	}

	@Override
	public void end() throws IOException {
		this.xml.write((w) -> {
			w.writeEndElement();
			w.writeCharacters("\n");
			w.writeEndElement();
			w.writeCharacters("\n");
			w.writeEndDocument();
			w.flush();
		});
		this.out.flush();
	}

}
