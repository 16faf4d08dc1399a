package org.partneratlas.export;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.partneratlas.graph.Label;
import org.partneratlas.graph.Tlp;
import org.partneratlas.support.AtlasIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports over HTTP on the curated graph, read back with the consumers' own readers (NetworkX for GraphML and GEXF,
 * json and csv for Cytoscape.js JSON and CSV) and compared with what the API answers the same caller: the same nodes
 * and edges, types, markings and dates; the file stamped with its highest marking; never more than the caller may
 * see; every bad request a 400 with a JSON error before any byte of a file.
 */
class ExportIT extends AtlasIT {

	static final String AMBER = "test-amber";

	static final String GREEN = "test-green";

	static final String NEIGHBOURHOOD = """
			query ($id: ID!) {
			  neighbourhood(id: $id, depth: 2, limit: 100) {
			    nodes { id label tlp start end }
			    edges { id type from to tlp start }
			    omittedNodes
			  }
			}""";

	@TempDir
	Path folder;

	ExportClient client;

	@BeforeEach
	void client() {
		this.client = new ExportClient(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gexf", "graphml", "cyjs", "csv" })
	void aNeighbourhoodOpensInItsReaderWithTheApisNodesEdgesTypesMarkingsAndDates(String format) throws Exception {
		DocumentContext api = answered(this.graphQl.as(AMBER).post(NEIGHBOURHOOD, "id", "community:creis-cec"));
		List<Map<String, Object>> apiNodes = api.read("$.data.neighbourhood.nodes");
		List<Map<String, Object>> apiEdges = api.read("$.data.neighbourhood.edges");
		assertThat(apiNodes).hasSizeGreaterThan(5);
		Path file = this.client.export(AMBER,
				"/export?format=" + format + "&scope=neighbourhood&id=community:creis-cec&depth=2&limit=100",
				this.folder);
		Map<String, Object> read = ExportClient.read(format, file);
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) read.get("nodes");
		@SuppressWarnings("unchecked")
		List<List<Object>> edges = (List<List<Object>>) read.get("edges");
		assertThat(read.get("counts")).isEqualTo(List.of(apiNodes.size(), apiEdges.size()));
		assertThat(nodes.keySet()).containsExactlyInAnyOrderElementsOf(apiNodes.stream().map((n) -> (String) n.get("id")).toList());
		Tlp highest = Tlp.CLEAR;
		for (Map<String, Object> n : apiNodes) {
			Map<String, Object> got = nodes.get(n.get("id"));
			Tlp tlp = Tlp.valueOf((String) n.get("tlp"));
			highest = (tlp.level() > highest.level()) ? tlp : highest;
			assertThat(got.get("type")).as("type of " + n.get("id")).isEqualTo(Label.valueOf((String) n.get("label")).cypherName());
			assertThat(got.get("tlp")).as("marking of " + n.get("id")).isEqualTo(tlp.marking());
			assertThat(got.get("start")).as("start of " + n.get("id")).isEqualTo(n.get("start"));
			assertThat(got.get("end")).as("end of " + n.get("id")).isEqualTo(n.get("end"));
			assertThat((String) got.get("sources")).as("citations of " + n.get("id")).startsWith("[{\"source\":\"source:");
		}
		List<String> expectedEdges = new ArrayList<>();
		for (Map<String, Object> e : apiEdges) {
			Tlp tlp = Tlp.valueOf((String) e.get("tlp"));
			highest = (tlp.level() > highest.level()) ? tlp : highest;
			expectedEdges.add(List.of(e.get("from"), e.get("to"), e.get("type"), tlp.marking(), String.valueOf(e.get("start"))).toString());
		}
		List<String> gotEdges = edges.stream().map((e) -> List.of(e.get(0), e.get(1), e.get(2), e.get(3), String.valueOf(e.get(4))).toString()).toList();
		assertThat(gotEdges).containsExactlyInAnyOrderElementsOf(expectedEdges);
		assertThat(highest).isEqualTo(Tlp.AMBER);
		assertThat(file.getFileName().toString())
			.isEqualTo("partner-atlas-neighbourhood-community-creis-cec-TLP-AMBER." + ExportFormat.of(format).orElseThrow().extension());
		switch (format) {
			case "graphml" -> assertThat(((Map<?, ?>) read.get("graph")).get("tlp")).isEqualTo("TLP:AMBER");
			case "cyjs" -> assertThat(((Map<?, ?>) read.get("graph")).get("tlp")).isEqualTo("TLP:AMBER");
			case "csv" -> assertThat((String) ((Map<?, ?>) read.get("graph")).get("readme")).startsWith("TLP:AMBER.");
			default -> assertThat(Files.readString(file)).contains("<keywords>TLP:AMBER");
		}
	}

	@Test
	void gexfCarriesTheRelationshipTypeAsKindAndDatesAsSpellsAndValidatesAgainstTheGexf13Schema() throws Exception {
		Path file = this.client.export(AMBER, "/export?format=gexf&scope=neighbourhood&id=union:eu&depth=1&limit=200",
				this.folder);
		validateGexf(file);
		String text = Files.readString(file);
		assertThat(text).contains("kind=\"PARTY_TO\"").contains("<spell start=\"");
		// NetworkX drops the kind; the relationship attribute keeps it, and the spells come as (start, end) text.
		Map<String, Object> read = ExportClient.read("gexf", file);
		@SuppressWarnings("unchecked")
		List<List<Object>> edges = (List<List<Object>>) read.get("edges");
		assertThat(edges).allSatisfy((e) -> assertThat(e.get(2)).isNotNull());
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) read.get("nodes");
		assertThat(nodes.values().stream().filter((n) -> n.get("start") != null))
			.allSatisfy((n) -> assertThat(n.get("spells")).asString().contains(String.valueOf(n.get("start")).substring(0, 4)));
		Path all = this.client.export("test-red-cleared", "/export?format=gexf&scope=all", this.folder);
		validateGexf(all);
	}

	/** An API answer without errors (a test that compares with it must not compare with a failure). */
	static DocumentContext answered(DocumentContext answer) {
		assertThat(answer.jsonString()).doesNotContain("\"errors\"");
		return answer;
	}

	static void validateGexf(Path file) throws Exception {
		var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		var schema = factory.newSchema(Path.of("src/test/resources/export/gexf-1.3/gexf.xsd").toFile());
		schema.newValidator().validate(new StreamSource(file.toFile()));
	}

	@Test
	void aGreenCallersWholeExportHoldsNoAmberItemAndAnAmberCallersDoes() throws Exception {
		Path green = this.client.export(GREEN, "/export?format=graphml&scope=all", this.folder);
		Path amber = this.client.export(AMBER, "/export?format=graphml&scope=all", this.folder);
		Map<String, Set<String>> greenSeen = markings(green);
		Map<String, Set<String>> amberSeen = markings(amber);
		assertThat(greenSeen.keySet()).isSubsetOf("CLEAR", "GREEN").contains("GREEN");
		assertThat(amberSeen.keySet()).contains("AMBER");
		assertThat(green.getFileName().toString()).isEqualTo("partner-atlas-all-TLP-GREEN.graphml");
		assertThat(amber.getFileName().toString()).isEqualTo("partner-atlas-all-TLP-AMBER.graphml");
		Set<String> greenIds = ids(greenSeen);
		assertThat(greenIds).doesNotContain("community:creis-cec").contains("community:creis-cov", "country:IN");
		assertThat(ids(amberSeen)).containsAll(greenIds).contains("community:creis-cec");
		// The RED community is shown to none of them.
		assertThat(ids(amberSeen)).doesNotContain("community:creis-csc");
		// Every node of the API's own listing for the green caller is there, and no other actor.
		DocumentContext api = this.graphQl.as(GREEN).post("{ actors(first: 100) { totalCount } }");
		int actors = api.read("$.data.actors.totalCount");
		assertThat(countOfType(green, "node", Set.of("Union", "Country", "Region", "Institution", "Agency",
				"Organisation", "Community"))).isEqualTo(actors);
	}

	@Test
	void aPathAndAViewExportHoldWhatTheApiAnswers() throws Exception {
		DocumentContext api = answered(this.graphQl.as(AMBER)
			.post("{ paths(from: \"country:IN\", to: \"org:ecso\", k: 3, maxHops: 4) { paths { nodes { id } edges { id } } } }"));
		List<String> pathNodes = new ArrayList<>(new TreeSet<>(api.<List<String>>read("$.data.paths.paths[*].nodes[*].id")));
		List<String> pathEdges = new ArrayList<>(new TreeSet<>(api.<List<String>>read("$.data.paths.paths[*].edges[*].id")));
		assertThat(pathNodes).isNotEmpty();
		Path path = this.client.export(AMBER, "/export?format=cyjs&scope=path&from=country:IN&to=org:ecso&k=3&maxHops=4",
				this.folder);
		DocumentContext file = JsonPath.parse(Files.readString(path));
		assertThat(ExportClient.sorted(file.read("$.elements.nodes[*].data.id"))).isEqualTo(pathNodes);
		assertThat(ExportClient.sorted(file.read("$.elements.edges[*].data.id"))).isEqualTo(pathEdges);
		assertThat(path.getFileName().toString()).startsWith("partner-atlas-path-country-IN-org-ecso-TLP-");
		// A view: the given nodes, and the edges among them.
		String ids = String.join(",", pathNodes);
		Path view = this.client.export(AMBER, "/export?format=cyjs&scope=view&ids=" + ids, this.folder);
		DocumentContext viewFile = JsonPath.parse(Files.readString(view));
		assertThat(ExportClient.sorted(viewFile.read("$.elements.nodes[*].data.id"))).isEqualTo(pathNodes);
		assertThat(viewFile.<List<String>>read("$.elements.edges[*].data.id")).containsAll(pathEdges);
		// The same view POSTed as a form (a long view does not fit in a URL) holds the same.
		HttpResponse<byte[]> posted = this.client.postForm(AMBER, "format=cyjs&scope=view&ids=" + ids);
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(ExportClient.sorted(JsonPath.parse(new String(posted.body(), StandardCharsets.UTF_8))
			.read("$.elements.nodes[*].data.id"))).isEqualTo(pathNodes);
		List<String> sources = viewFile.read("$.data.sources[*].id");
		assertThat(sources).isNotEmpty().allMatch((s) -> s.startsWith("source:"));
	}

	@Test
	void aNodeTheCallerMayNotSeeAnswersAsAnUnknownOne() {
		HttpResponse<byte[]> hidden = this.client.get(GREEN, "/export?format=gexf&scope=neighbourhood&id=community:creis-cec");
		HttpResponse<byte[]> unknown = this.client.get(GREEN, "/export?format=gexf&scope=neighbourhood&id=community:nowhere");
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(new String(hidden.body())).contains("no node 'community:creis-cec'");
		HttpResponse<byte[]> view = this.client.get(GREEN, "/export?format=csv&scope=view&ids=country:IN,community:creis-cec");
		assertThat(view.statusCode()).isEqualTo(400);
		assertThat(new String(view.body())).contains("unknown node id [community:creis-cec] in 'ids'").doesNotContain("country:IN");
	}

	@Test
	void badRequestsGetA400WithAJsonErrorThatSaysWhatAndWhere() {
		Map<String, String> cases = new HashMap<>();
		cases.put("/export?scope=all", "'format' is missing");
		cases.put("/export?format=pdf&scope=all", "unknown format 'pdf'");
		cases.put("/export?format=gexf", "'scope' is missing");
		cases.put("/export?format=gexf&scope=everything", "unknown scope 'everything'");
		cases.put("/export?format=gexf&scope=neighbourhood", "'id' is missing");
		cases.put("/export?format=gexf&scope=neighbourhood&id=country:IN&depth=4", "'depth' must be between 1 and 3, not 4");
		cases.put("/export?format=gexf&scope=neighbourhood&id=country:IN&limit=lots", "'limit' must be a whole number");
		cases.put("/export?format=gexf&scope=neighbourhood&id=country:IN&types=PARTY_OF", "unknown relationship type 'PARTY_OF'");
		cases.put("/export?format=gexf&scope=neighbourhood&id=country:IN&labels=Planet", "unknown label 'Planet'");
		cases.put("/export?format=gexf&scope=path&from=country:IN&to=country:IN", "'from' and 'to' are the same node");
		cases.put("/export?format=gexf&scope=path&from=country:IN&to=org:ecso&k=11", "'k' must be between 1 and 10");
		cases.put("/export?format=gexf&scope=view", "'ids' is missing");
		cases.put("/export?format=gexf&scope=view&ids=country:IN,not%20an%20id", "not a node id");
		cases.put("/export?format=gexf&scope=all&depth=2", "unknown parameter [depth] for scope=all");
		cases.put("/export?format=gexf&format=csv&scope=all", "'format' is given 2 times");
		cases.forEach((query, message) -> {
			HttpResponse<byte[]> response = this.client.get(null, query);
			String body = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(response.statusCode()).as(query + " -> " + body).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
			assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
			assertThat(JsonPath.parse(body).<String>read("$.error")).as(query).contains(message);
		});
	}

	@Test
	void anExportIsAuthenticatedAsGraphQlIs() {
		assertThat(this.client.get("no-such-token", "/export?format=gexf&scope=all").statusCode()).isEqualTo(401);
		HttpResponse<byte[]> anonymous = this.client.get(null, "/export?format=gexf&scope=all");
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.headers().firstValue("X-Atlas-Tlp")).hasValue("TLP:CLEAR");
		assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	/** Item ids by the marking each carries ({@code tlp} data), from a GraphML file. */
	static Map<String, Set<String>> markings(Path graphml) throws Exception {
		Map<String, Set<String>> byMarking = new HashMap<>();
		Map<String, String> tlpKeys = new HashMap<>();
		XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(Files.readAllBytes(graphml)));
		String item = null;
		String dataKey = null;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamReader.START_ELEMENT) {
				switch (xml.getLocalName()) {
					case "key" -> {
						if ("tlp".equals(xml.getAttributeValue(null, "attr.name")) && !"graph".equals(xml.getAttributeValue(null, "for"))) {
							tlpKeys.put(xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "for"));
						}
					}
					case "node", "edge" -> item = xml.getAttributeValue(null, "id");
					case "data" -> dataKey = xml.getAttributeValue(null, "key");
					default -> {
					}
				}
			}
			else if (event == XMLStreamReader.CHARACTERS && dataKey != null && tlpKeys.containsKey(dataKey) && item != null) {
				byMarking.computeIfAbsent(xml.getText(), (k) -> new TreeSet<>()).add(item);
			}
			else if (event == XMLStreamReader.END_ELEMENT && "data".equals(xml.getLocalName())) {
				dataKey = null;
			}
		}
		return byMarking;
	}

	static Set<String> ids(Map<String, Set<String>> byMarking) {
		Set<String> ids = new TreeSet<>();
		byMarking.values().forEach(ids::addAll);
		return ids;
	}

	static long countOfType(Path graphml, String kind, Set<String> types) throws Exception {
		String text = Files.readString(graphml);
		String typeKey = text.replaceAll("(?s).*<key id=\"(n\\d+)\" for=\"" + kind + "\" attr.name=\"type\".*", "$1");
		return types.stream()
			.mapToLong((t) -> text.split("<data key=\"" + typeKey + "\">" + t + "</data>", -1).length - 1)
			.sum();
	}


}
