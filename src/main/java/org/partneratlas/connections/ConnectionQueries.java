package org.partneratlas.connections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.GraphReads;
import org.partneratlas.graph.Label;
import org.partneratlas.graph.RelType;
import org.partneratlas.graph.Visibility;

import org.springframework.stereotype.Component;

/** The connection questions, each one statement from {@code cypher/queries/connections}. */
@Component
class ConnectionQueries {

	private final GraphReads reads;

	ConnectionQueries(GraphReads reads) {
		this.reads = reads;
	}

	Optional<Connections> connections(String a, String b, Visibility visibility) {
		return this.reads.one("connections/direct-ties", visibility, Map.of("a", a, "b", b),
				(r) -> new Connections(Entity.of(r.get("a")), Entity.of(r.get("b")),
						r.get("direct").asList(Edge::of),
						r.get("through")
							.asList((Value t) -> new Connections.SharedTie(Entity.of(t.get("via")),
									Edge.of(t.get("edgeA")), Edge.of(t.get("edgeB"))))));
	}

	Optional<Subgraph> neighbourhood(String id, int depth, List<Label> labels, List<RelType> types, int limit,
			Visibility visibility) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("depth", depth);
		parameters.put("labels", (labels == null) ? null : labels.stream().map(Label::cypherName).toList());
		parameters.put("types", (types == null) ? null : types.stream().map(RelType::name).toList());
		parameters.put("limit", limit);
		parameters.put("edgeLimit", limit * 4);
		return this.reads.one("connections/neighbourhood", visibility, parameters,
				(r) -> new Subgraph(Entity.of(r.get("centre")), r.get("nodes").asList(Entity::of),
						r.get("edges").asList(Edge::of), r.get("omittedNodes").asInt(),
						r.get("omittedEdges").asInt()));
	}

}
