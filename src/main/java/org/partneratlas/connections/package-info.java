/**
 * Who connects to whom, and through which instrument: direct ties between two nodes and the neighbourhood of a node
 * as a graph (nodes and edges) for visualisation. Every read takes the caller's visibility and never crosses a hidden
 * node or edge.
 * <p>
 * Uses {@code graph}.
 */
@NullMarked
package org.partneratlas.connections;

import org.jspecify.annotations.NullMarked;
