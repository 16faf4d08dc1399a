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
 * @param through the first nodes both are tied to (by name), with each one's edge
 * @param total how many such shared ties there are in all (at least {@code through.size()})
 */
record Connections(Entity a, Entity b, List<Edge> direct, List<SharedTie> through, int total) {

	/** The schema's default {@code limit} on {@code through}. */
	static final int DEFAULT_LIMIT = 200;

	/** The most shared ties one answer lists ({@code limit}). */
	static final int MAX_LIMIT = 1000;

	/** How many shared ties {@code through} leaves out (exact). */
	public int omittedThrough() {
		return this.total - this.through.size();
	}

	/** True when {@code through} leaves shared ties out. */
	public boolean truncated() {
		return omittedThrough() > 0;
	}

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
