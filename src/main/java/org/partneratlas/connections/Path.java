package org.partneratlas.connections;

import java.util.ArrayList;
import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * A path between two nodes: its nodes and relationships in order, read as steps from actor to actor.
 *
 * @param nodes the nodes, from start to end
 * @param edges the relationships, edges.get(i) between nodes.get(i) and nodes.get(i + 1)
 */
record Path(List<Entity> nodes, List<Edge> edges) {

	public int length() {
		return this.edges.size();
	}

	/**
	 * The path as steps: each step goes from one actor to the next, through the instrument, programme, project or
	 * cable between them when there is one (A -PARTY_TO- X -PARTY_TO- B is one step through X), or along a direct
	 * relationship (A -COOPERATES_WITH- B).
	 */
	public List<Step> steps() {
		List<Step> steps = new ArrayList<>();
		Entity from = this.nodes.getFirst();
		Entity via = null;
		List<Edge> stepEdges = new ArrayList<>();
		for (int i = 1; i < this.nodes.size(); i++) {
			Entity node = this.nodes.get(i);
			stepEdges.add(this.edges.get(i - 1));
			boolean last = i == this.nodes.size() - 1;
			if (!node.label().isActor() && !last && via == null && from.label().isActor()) {
				via = node;
				continue;
			}
			steps.add(new Step(from, via, node, List.copyOf(stepEdges)));
			from = node;
			via = null;
			stepEdges.clear();
		}
		return steps;
	}

	/**
	 * One step of a path.
	 *
	 * @param from the node the step leaves
	 * @param via the instrument, programme, project or cable it goes through, or null along a direct relationship
	 * @param to the node the step reaches
	 * @param edges the one or two relationships of the step
	 */
	record Step(Entity from, Entity via, Entity to, List<Edge> edges) {

		/** The role of {@code from} in the step (its role on its own relationship), if it has one. */
		public String fromRole() {
			return roleOf(this.from, this.edges.getFirst());
		}

		/** The role of {@code to} in the step, if it has one. */
		public String toRole() {
			return roleOf(this.to, this.edges.getLast());
		}

		private static String roleOf(Entity node, Edge edge) {
			Object role = edge.properties().get("role");
			return (edge.from().equals(node.id()) && role != null) ? role.toString() : null;
		}

	}

}
