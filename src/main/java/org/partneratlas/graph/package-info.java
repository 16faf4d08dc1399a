/**
 * The graph's vocabulary and plumbing: labels, relationship types, TLP markings and partial dates; the Cypher file
 * loader and the one gateway every read goes through; the schema runner; the embedded or external Neo4j; and the
 * GraphQL types every module shares (nodes, edges, citations).
 * <p>
 * Uses nothing else in the application: every other module may use it.
 */
@NullMarked
package org.partneratlas.graph;

import org.jspecify.annotations.NullMarked;
