package org.partneratlas.catalogue;

import org.partneratlas.graph.Entity;

/**
 * A search result.
 *
 * @param node the node found
 * @param score its relevance
 */
record SearchHit(Entity node, double score) {
}
