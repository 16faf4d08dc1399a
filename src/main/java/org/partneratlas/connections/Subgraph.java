package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * A graph-shaped answer.
 *
 * @param centre the node it was asked around
 * @param nodes the nodes, the centre first
 * @param edges the edges among them
 * @param omittedNodes reachable nodes the limit left out: exact, or a lower bound when the walk stopped at its work
 * bound ({@code omittedNodesExact} false)
 * @param omittedNodesExact whether {@code omittedNodes} is the exact count
 * @param omittedEdges edges the edge cap left out
 */
record Subgraph(Entity centre, List<Entity> nodes, List<Edge> edges, int omittedNodes, boolean omittedNodesExact,
		int omittedEdges) {

	public boolean truncated() {
		return this.omittedNodes > 0 || !this.omittedNodesExact || this.omittedEdges > 0;
	}

}
