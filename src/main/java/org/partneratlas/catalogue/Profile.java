package org.partneratlas.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;
import org.partneratlas.graph.RelType;

/**
 * Everything that ties a node.
 *
 * @param node the node
 * @param ties each of its edges with the node at the other end and who else is tied through it
 */
record Profile(Entity node, List<Tie> ties) {

	/** The edges counted by type and direction. */
	public List<TieCount> summary() {
		Map<String, TieCount> counts = new TreeMap<>();
		for (Tie tie : this.ties) {
			String key = tie.edge().type().name() + tie.direction();
			counts.merge(key, new TieCount(tie.edge().type(), tie.direction(), 1),
					(a, b) -> new TieCount(a.type(), a.direction(), a.count() + 1));
		}
		return counts.values().stream().sorted(Comparator.comparing(TieCount::count).reversed()).toList();
	}

	enum Direction {

		OUT, IN

	}

	/**
	 * One edge of the profiled node.
	 *
	 * @param edge the edge
	 * @param direction OUT when the node is the edge's start
	 * @param other the node at the other end
	 * @param counterparts other actors tied to {@code other}, at most 50
	 * @param counterpartCount how many in all
	 */
	record Tie(Edge edge, Direction direction, Entity other, List<Counterpart> counterparts, int counterpartCount) {
	}

	/**
	 * Another actor tied through the same node.
	 *
	 * @param node the actor
	 * @param edge its edge to the shared node
	 */
	record Counterpart(Entity node, Edge edge) {
	}

	/**
	 * Edges of one type and direction.
	 *
	 * @param type the type
	 * @param direction the direction
	 * @param count how many
	 */
	record TieCount(RelType type, Direction direction, int count) {
	}

}
