package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * An actor tied to both of two actors.
 *
 * @param partner the actor
 * @param throughA how it is tied to the first
 * @param throughB how it is tied to the second
 */
record CommonPartner(Entity partner, List<Through> throughA, List<Through> throughB) {

	/**
	 * One tie: through a shared instrument, programme, project or cable, or along a direct relationship.
	 *
	 * @param via the shared node, or null for a direct relationship
	 * @param edge the relationship of the first or second actor (to {@code via}, or to the partner)
	 */
	record Through(Entity via, Edge edge) {
	}

}
