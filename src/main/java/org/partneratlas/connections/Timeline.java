package org.partneratlas.connections;

import java.util.List;

import org.partneratlas.graph.Edge;
import org.partneratlas.graph.Entity;

/**
 * The dated events of a node, in date order: the first ones, and how many there are in all.
 *
 * @param node the node
 * @param events its first events
 * @param total how many visible events it has in all (at least {@code events.size()})
 */
record Timeline(Entity node, List<Event> events, int total) {

	/** The schema's default {@code first}. */
	static final int DEFAULT_FIRST = 500;

	/** The most events one timeline answers ({@code first}). */
	static final int MAX_FIRST = 2000;

	/** How many events the answer leaves out (exact). */
	public int omittedEvents() {
		return this.total - this.events.size();
	}

	/** True when events were left out. */
	public boolean truncated() {
		return omittedEvents() > 0;
	}

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
