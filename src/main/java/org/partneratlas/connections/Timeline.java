package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * The dated events of a node, in date order.
 *
 * @param node the node
 * @param events its events
 */
record Timeline(Entity node, List<Event> events) {

	/**
	 * A start or an end.
	 *
	 * @param kind STARTED or ENDED
	 * @param date the date as the source gives it
	 * @param earliest the first day it may mean
	 * @param latest the last day it may mean
	 * @param node the node the event belongs to (the instrument, or the node at the other end of {@code edge})
	 * @param edge the relationship whose start or end it is, if any
	 */
	record Event(String kind, String date, String earliest, String latest, Entity node, Edge edge) {
	}

}
