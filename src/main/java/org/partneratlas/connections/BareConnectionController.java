package org.partneratlas.connections;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.partneratlas.graph.BareEndpoint;
import org.partneratlas.graph.Visibility;

import static org.partneratlas.graph.BareEndpoint.Json.fields;

/**
 * Benchmark only ({@link BareEndpoint}): the bench's neighbourhood (depth 2, limit 100) from the driver call the
 * GraphQL resolver makes, as the same JSON, without GraphQL and without the expensive-work slot the resolver takes (see
 * {@code catalogue.BareCatalogueController}). Anonymous visibility only.
 */
@RestController
@BareEndpoint
class BareConnectionController {

	private final ConnectionQueries queries;

	BareConnectionController(ConnectionQueries queries) {
		this.queries = queries;
	}

	/** As {@code neighbourhood(id, depth: 2, limit: 100) { nodes { id label name } edges { id type from to } omittedNodes omittedEdges } }. */
	@GetMapping("/bench/bare/neighbourhood")
	Map<String, Object> neighbourhood(@RequestParam String id) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("neighbourhood",
				this.queries.neighbourhood(id, 2, null, null, 100, null, Visibility.ANONYMOUS).map((graph) -> {
					Map<String, Object> g = new LinkedHashMap<>();
					g.put("nodes", graph.nodes().stream().map((n) -> fields(n, "id", "label", "name")).toList());
					g.put("edges", graph.edges().stream().map((e) -> fields(e, "id", "type", "from", "to")).toList());
					g.put("omittedNodes", graph.omittedNodes());
					g.put("omittedEdges", graph.omittedEdges());
					return g;
				}).orElse(null));
		return Map.of("data", data);
	}

}
