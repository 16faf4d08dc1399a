package org.partneratlas.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * GEXF 1.3 (valid against its XML schema): node and edge attributes declared with their types, the relationship
 * type as each edge's {@code kind} and {@code label} and as its {@code relationship} attribute (NetworkX drops the
 * {@code kind}), dated items with a spell from the first day they may have started to the last day they may have
 * ended (a dynamic graph, time format date, which Gephi's timeline plays). The marking and the cited sources go in
 * {@code <meta>}: keywords and description. Written with StAX as items come.
 */
final class GexfSink implements GraphSink {

	static final String NS = "http://gexf.net/1.3";

	private final OutputStream out;

	private final Xml xml;

	private final Map<String, String> nodeKeyIds = new HashMap<>();

	private final Map<String, String> edgeKeyIds = new HashMap<>();

	private boolean inEdges;

	GexfSink(OutputStream out) throws IOException {
		this.out = out;
		this.xml = new Xml(out);
	}

	@Override
	public void begin(ExportHeader header) throws IOException {
		this.xml.write((w) -> {
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.writeStartElement("gexf");
			w.writeDefaultNamespace(NS);
			w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
			w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
					NS + " http://gexf.net/1.3/gexf.xsd");
			w.writeAttribute("version", "1.3");
			w.writeCharacters("\n");
			w.writeStartElement("meta");
			w.writeAttribute("lastmodifieddate", header.exportedAt().toLocalDate().toString());
			element(w, "creator", "Partner Atlas");
			element(w, "keywords", header.label() + ", Partner Atlas");
			String sources = header.sources()
				.stream()
				.map((s) -> s.id() + ": " + s.name() + " (" + s.tlp().marking() + ")")
				.collect(Collectors.joining("; "));
			element(w, "description",
					header.summary() + (sources.isEmpty() ? "" : " Sources cited: " + sources + "."));
			w.writeEndElement();
			w.writeCharacters("\n");
			w.writeStartElement("graph");
			w.writeAttribute("defaultedgetype", "directed");
			w.writeAttribute("mode", "dynamic");
			w.writeAttribute("timeformat", "date");
			w.writeCharacters("\n");
			declare(w, "node", header.nodeKeys(), this.nodeKeyIds);
			declare(w, "edge", header.edgeKeys(), this.edgeKeyIds);
			w.writeStartElement("nodes");
			w.writeCharacters("\n");
		});
	}

	private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
		w.writeStartElement(name);
		w.writeCharacters(Xml.clean(text));
		w.writeEndElement();
	}

	private static void declare(XMLStreamWriter w, String kind, Map<String, AttributeType> keys,
			Map<String, String> ids) throws XMLStreamException {
		w.writeStartElement("attributes");
		w.writeAttribute("class", kind);
		w.writeAttribute("mode", "static");
		int i = 0;
		for (Map.Entry<String, AttributeType> key : keys.entrySet()) {
			String id = String.valueOf(i++);
			ids.put(key.getKey(), id);
			w.writeEmptyElement("attribute");
			w.writeAttribute("id", id);
			w.writeAttribute("title", Xml.clean(key.getKey()));
			w.writeAttribute("type", key.getValue().name().toLowerCase(Locale.ROOT));
		}
		w.writeEndElement();
		w.writeCharacters("\n");
	}

	@Override
	public void node(ExportItem node) throws IOException {
		this.xml.write((w) -> {
			w.writeStartElement("node");
			w.writeAttribute("id", Xml.clean(node.id()));
			w.writeAttribute("label", Xml.clean(node.name()));
			content(w, node, this.nodeKeyIds);
			w.writeEndElement();
			w.writeCharacters("\n");
		});
	}

	@Override
	public void edge(ExportItem edge) throws IOException {
		this.xml.write((w) -> {
			if (!this.inEdges) {
				startEdges(w);
			}
			w.writeStartElement("edge");
			w.writeAttribute("id", Xml.clean(edge.id()));
			w.writeAttribute("source", Xml.clean(edge.from()));
			w.writeAttribute("target", Xml.clean(edge.to()));
			w.writeAttribute("label", edge.name());
			w.writeAttribute("kind", edge.name());
			content(w, edge, this.edgeKeyIds);
			w.writeEndElement();
			w.writeCharacters("\n");
		});
	}

	private void startEdges(XMLStreamWriter w) throws XMLStreamException {
		w.writeEndElement();
		w.writeCharacters("\n");
		w.writeStartElement("edges");
		w.writeCharacters("\n");
		this.inEdges = true;
	}

	private static void content(XMLStreamWriter w, ExportItem item, Map<String, String> ids)
			throws XMLStreamException {
		boolean open = false;
		for (Map.Entry<String, Object> a : item.attributes().entrySet()) {
			String id = ids.get(a.getKey());
			if (id == null) {
				continue;
			}
			if (!open) {
				w.writeStartElement("attvalues");
				open = true;
			}
			w.writeEmptyElement("attvalue");
			w.writeAttribute("for", id);
			w.writeAttribute("value", Xml.clean(AttributeType.text(a.getValue())));
		}
		if (open) {
			w.writeEndElement();
		}
		if (item.spellStart() != null || item.spellEnd() != null) {
			w.writeStartElement("spells");
			w.writeEmptyElement("spell");
			if (item.spellStart() != null) {
				w.writeAttribute("start", item.spellStart().toString());
			}
			if (item.spellEnd() != null) {
				w.writeAttribute("end", item.spellEnd().toString());
			}
			w.writeEndElement();
		}
	}

	@Override
	public void end() throws IOException {
		this.xml.write((w) -> {
			if (!this.inEdges) {
				startEdges(w);
			}
			w.writeEndElement();
			w.writeCharacters("\n");
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
