package org.partneratlas.catalogue;

import java.util.List;

import org.partneratlas.graph.Entity;
import org.partneratlas.graph.Visibility;

/**
 * A page of a listing, Relay style. It keeps the listing and the caller's visibility so that {@code totalCount} is
 * counted only when a caller asks for it.
 *
 * @param edges the nodes with their cursors
 * @param pageInfo where the page lies
 * @param listing what was asked
 * @param visibility who asked
 */
record NodeConnection(List<Item> edges, PageInfo pageInfo, Listing listing, Visibility visibility) {

	public List<Entity> nodes() {
		return this.edges.stream().map(Item::node).toList();
	}

	/**
	 * A node and its cursor.
	 *
	 * @param cursor opaque position
	 * @param node the node
	 */
	record Item(String cursor, Entity node) {
	}

	/**
	 * Relay page information.
	 *
	 * @param hasNextPage more after this page
	 * @param hasPreviousPage more before this page
	 * @param startCursor cursor of the first node
	 * @param endCursor cursor of the last node
	 */
	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
