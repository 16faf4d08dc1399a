package org.partneratlas.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.partneratlas.graph.BareEndpoint;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.Visibility;

import static org.partneratlas.graph.BareEndpoint.Json.data;
import static org.partneratlas.graph.BareEndpoint.Json.fields;

/**
 * Benchmark only ({@link BareEndpoint}): the bench's lookup, search and profile answered from the very driver call the
 * GraphQL resolvers make, written as the same JSON the bench's GraphQL selection gets, with no GraphQL in between. {@code bench/run.sh} measures it beside GraphQL
 * and the raw driver so that a report can say which part of the gap is HTTP (Tomcat, the filter chains, JSON writing)
 * and which is GraphQL. Anonymous visibility only (CLEAR data): whatever token a request carries, nothing above what
 * an anonymous caller may see is answered here.
 */
@RestController
@BareEndpoint
class BareCatalogueController {

	private final CatalogueQueries queries;

	BareCatalogueController(CatalogueQueries queries) {
		this.queries = queries;
	}

	/** As {@code node(id) { id label name tlp start ... on Instrument { status } } }. */
	@GetMapping("/bench/bare/lookup")
	Map<String, Object> lookup(@RequestParam String id) {
		return data("node", this.queries.node(id, Visibility.ANONYMOUS).map(BareCatalogueController::lookup).orElse(null));
	}

	/** As {@code search(text: $t, first: 20) { score node { id label name } } }. */
	@GetMapping("/bench/bare/search")
	Map<String, Object> search(@RequestParam String text) {
		List<Map<String, Object>> hits = new ArrayList<>();
		for (SearchHit hit : this.queries.search(text, null, 20, Visibility.ANONYMOUS)) {
			Map<String, Object> h = new LinkedHashMap<>();
			h.put("score", hit.score());
			h.put("node", fields(hit.node(), "id", "label", "name"));
			hits.add(h);
		}
		return data("search", hits);
	}

	/**
	 * As {@code profile(id) { node { id name } ties { direction edge { id type role start } other { id label name }
	 * counterparts { node { id name } } } } }.
	 */
	@GetMapping("/bench/bare/profile")
	Map<String, Object> profile(@RequestParam String id) {
		return data("profile", this.queries.profile(id, Visibility.ANONYMOUS).map((profile) -> {
			List<Map<String, Object>> ties = new ArrayList<>();
			for (Profile.Tie tie : profile.ties()) {
				Map<String, Object> t = new LinkedHashMap<>();
				t.put("direction", tie.direction().name());
				t.put("edge", fields(tie.edge(), "id", "type", "role", "start"));
				t.put("other", fields(tie.other(), "id", "label", "name"));
				t.put("counterparts", tie.counterparts()
					.stream()
					.map((c) -> Map.<String, Object>of("node", fields(c.node(), "id", "name")))
					.toList());
				ties.add(t);
			}
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("node", fields(profile.node(), "id", "name"));
			p.put("ties", ties);
			return p;
		}).orElse(null));
	}

	private static Map<String, Object> lookup(Entity node) {
		Map<String, Object> m = fields(node, "id", "label", "name", "tlp", "start");
		if (node.label() == Label.INSTRUMENT) {
			m.put("status", node.field("status"));
		}
		return m;
	}

}
