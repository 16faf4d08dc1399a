package org.partneratlas.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.partneratlas.graph.BadRequestException;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Tlp;
import org.partneratlas.graph.Visibility;
import org.partneratlas.support.Differential;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export scope, for generated callers on generated marked graphs, holds exactly what it holds on the graph the
 * caller may see: the same nodes, edges and cited sources, the same refusals; and each file's stamp is the highest
 * marking of what it holds. An export never holds more than the caller could read through the API.
 */
class VisibilityDifferentialIT {

	@TestFactory
	Stream<DynamicTest> exportsHoldWhatTheVisibleGraphHolds() {
		return Differential.check("export", new long[] { 501, 502 }, 8, VisibilityDifferentialIT::answers);
	}

	static List<String> answers(GraphReads reads, Visibility caller) {
		Exports exports = new Exports(reads, new ExportProperties(Duration.ofMinutes(1)));
		Random pick = new Random(11);
		List<ExportRequest> requests = new ArrayList<>();
		requests.add(new ExportRequest.All());
		for (int i = 0; i < 5; i++) {
			requests.add(new ExportRequest.Neighbourhood("org:a" + pick.nextInt(24), 1 + i % 3, 500, null, null));
			requests.add(new ExportRequest.Path("org:a" + pick.nextInt(12), "org:a" + (12 + pick.nextInt(12)), 10, 6));
			List<String> ids = new ArrayList<>();
			for (int n = 0; n < 6; n++) {
				ids.add((n % 2 == 0) ? "org:a" + pick.nextInt(24) : "instrument:i" + pick.nextInt(20));
			}
			requests.add(new ExportRequest.View(ids.stream().distinct().toList()));
		}
		List<String> answers = new ArrayList<>();
		for (ExportRequest request : requests) {
			answers.add(request.fileName() + ": " + answer(exports, request, caller));
		}
		return answers;
	}

	private static String answer(Exports exports, ExportRequest request, Visibility caller) {
		Exports.Prepared prepared;
		try {
			prepared = exports.prepare(request, caller);
		}
		catch (Exports.NotFoundException ex) {
			return "not found: " + ex.getMessage();
		}
		catch (BadRequestException ex) {
			return "refused: " + ex.getMessage();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			exports.write(prepared, ExportFormat.CYJS, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		DocumentContext file = JsonPath.parse(out.toString(StandardCharsets.UTF_8));
		List<String> markings = new ArrayList<>(file.read("$.elements..data.tlp"));
		markings.addAll(file.read("$.data.sources[*].tlp"));
		Tlp highest = markings.stream().map((m) -> Tlp.ofMarking(m).orElseThrow()).reduce(Tlp.CLEAR,
				(a, b) -> (a.level() >= b.level()) ? a : b);
		assertThat(file.<String>read("$.data.tlp")).as("the stamp of " + request + " for " + caller)
			.isEqualTo("TLP:" + highest.marking());
		assertThat(prepared.fileName(ExportFormat.CYJS)).endsWith("-TLP-" + highest.marking() + ".cyjs");
		List<Map<String, Object>> edges = file.read("$.elements.edges[*].data");
		return sorted(file.read("$.elements.nodes[*].data.id")) + " | "
				+ sorted(edges.stream().map((e) -> e.get("id") + ":" + e.get("source") + ">" + e.get("target")).toList())
				+ " | " + sorted(file.read("$.data.sources[*].id"));
	}

	static String sorted(List<String> items) {
		return items.stream().sorted().toList().toString();
	}

}
