package org.partneratlas.graph;

import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * A node as the API shows it: its id, its label and its stored properties.
 *
 * @param id the stable, namespaced id
 * @param label the node's label
 * @param properties the stored properties
 */
public record Entity(String id, Label label, Map<String, Object> properties) implements GraphItem {

	/** Maps a node value returned by a query. */
	public static Entity of(Value value) {
		Node node = value.asNode();
		Label label = Label.ofGraphLabels(node.labels())
			.orElseThrow(() -> new IllegalStateException("Node without a known label: " + node.labels()));
		Map<String, Object> properties = node.asMap();
		return new Entity(String.valueOf(properties.get("id")), label, properties);
	}

	public String name() {
		return String.valueOf(this.properties.getOrDefault("name", this.id));
	}

	@Override
	public Object field(String name) {
		return switch (name) {
			case "label" -> this.label;
			case "name" -> name();
			case "iso2" -> (this.label == Label.COUNTRY) ? this.id.substring(this.id.indexOf(':') + 1) : null;
			default -> GraphItem.super.field(name);
		};
	}

}
