package org.partneratlas.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

import org.partneratlas.graph.Tlp;

import static org.assertj.core.api.Assertions.assertThat;

/** The writers on hostile text: every file stays well-formed, every cell stays one cell. */
class WritersTests {

	static final String HOSTILE = "a \"quoted\", comma\nline <b>&amp;</b> \u0001bell\u0007 é 🌍 --> ]]>";

	static ExportHeader header() {
		Map<String, AttributeType> nodeKeys = new LinkedHashMap<>();
		nodeKeys.put("type", AttributeType.STRING);
		nodeKeys.put("name", AttributeType.STRING);
		nodeKeys.put("aliases", AttributeType.STRING);
		nodeKeys.put("lengthKm", AttributeType.DOUBLE);
		Map<String, AttributeType> edgeKeys = new LinkedHashMap<>();
		edgeKeys.put("relationship", AttributeType.STRING);
		return new ExportHeader(Tlp.AMBER, "a test " + HOSTILE, OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC),
				nodeKeys, edgeKeys, List.of());
	}

	static ExportItem node(String id) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("type", "Organisation");
		attributes.put("name", HOSTILE);
		attributes.put("aliases", List.of(HOSTILE, "x"));
		attributes.put("lengthKm", 12.5);
		return new ExportItem(id, null, null, HOSTILE, Tlp.AMBER, attributes, LocalDate.of(2025, 1, 1), null);
	}

	static byte[] write(ExportFormat format) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		GraphSink sink = format.sink(out, "base");
		sink.begin(header());
		sink.node(node("org:a"));
		sink.node(node("org:b"));
		sink.edge(new ExportItem("org:a-COOPERATES_WITH->org:b", "org:a", "org:b", "COOPERATES_WITH", Tlp.CLEAR,
				Map.of("relationship", "COOPERATES_WITH"), null, LocalDate.of(2026, 12, 31)));
		sink.end();
		return out.toByteArray();
	}

	@Test
	void xmlFormatsStayWellFormedWhateverTheText() throws Exception {
		for (ExportFormat format : List.of(ExportFormat.GRAPHML, ExportFormat.GEXF)) {
			byte[] file = write(format);
			var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(file));
			assertThat(document.getElementsByTagName("node").getLength()).as(format.name()).isEqualTo(2);
			assertThat(document.getElementsByTagName("edge").getLength()).as(format.name()).isEqualTo(1);
			assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain("\u0001").contains("é 🌍");
		}
	}

	@Test
	void csvKeepsEachValueInOneCell() throws Exception {
		byte[] file = write(ExportFormat.CSV);
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(entries.keySet()).containsExactly("base-README.txt", "base-sources.csv", "base-nodes.csv",
				"base-edges.csv");
		assertThat(entries.get("base-README.txt")).startsWith("TLP:AMBER.");
		String nodes = entries.get("base-nodes.csv");
		assertThat(nodes).startsWith("Id,Label,type,name,aliases,lengthKm\r\n");
		assertThat(nodes).contains("org:a,\"a \"\"quoted\"\", comma\nline");
		assertThat(CsvSink.quoted("plain")).isEqualTo("plain");
		assertThat(entries.get("base-edges.csv"))
			.isEqualTo("Source,Target,Type,Id,Label,relationship\r\norg:a,org:b,Directed,org:a-COOPERATES_WITH->org:b,COOPERATES_WITH,COOPERATES_WITH\r\n");
	}

	@Test
	void cytoscapeKeepsListsAsArrays() throws Exception {
		String json = new String(write(ExportFormat.CYJS), StandardCharsets.UTF_8);
		var doc = com.jayway.jsonpath.JsonPath.parse(json);
		assertThat(doc.<List<String>>read("$.elements.nodes[0].data.aliases")).containsExactly(HOSTILE, "x");
		assertThat(doc.<String>read("$.data.tlp")).isEqualTo("TLP:AMBER");
		assertThat(doc.<String>read("$.elements.edges[0].data.source")).isEqualTo("org:a");
	}

}
