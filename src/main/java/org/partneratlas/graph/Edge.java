package org.partneratlas.graph;

import java.util.Map;

import org.neo4j.driver.Value;

/**
 * A relationship as the API shows it. Queries return relationships as map projections,
 * {@code r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}}, so that the ends are the nodes' stable
 * ids rather than Neo4j's internal element ids.
 *
 * @param id the stable id of the tie: type, ends and role
 * @param type the relationship type
 * @param from the id of the start node
 * @param to the id of the end node
 * @param properties the stored properties
 */
public record Edge(String id, RelType type, String from, String to, Map<String, Object> properties)
		implements GraphItem {

	/** Maps a relationship projection returned by a query. */
	public static Edge of(Value value) {
		Map<String, Object> map = value.asMap();
		String type = String.valueOf(map.get("type"));
		return new Edge(String.valueOf(map.get("id")),
				RelType.of(type).orElseThrow(() -> new IllegalStateException("Unknown relationship type " + type)),
				String.valueOf(map.get("from")), String.valueOf(map.get("to")), map);
	}

	/** The stable id of a tie: one per (from, type, to, role). */
	public static String idOf(String from, RelType type, String to, String role) {
		return from + "-" + type.name() + "->" + to + ((role == null || role.isBlank()) ? "" : "#" + role);
	}

	@Override
	public Object field(String name) {
		return switch (name) {
			case "type" -> this.type;
			case "from" -> this.from;
			case "to" -> this.to;
			default -> GraphItem.super.field(name);
		};
	}

}
