package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * What directly ties two nodes.
 *
 * @param a the first node
 * @param b the second node
 * @param direct edges between the two
 * @param through nodes both are tied to, with each one's edge
 */
record Connections(Entity a, Entity b, List<Edge> direct, List<SharedTie> through) {

	/**
	 * A node two others are both tied to.
	 *
	 * @param via the shared node
	 * @param edgeA the first node's edge to it
	 * @param edgeB the second node's edge to it
	 */
	record SharedTie(Entity via, Edge edgeA, Edge edgeB) {
	}

}
