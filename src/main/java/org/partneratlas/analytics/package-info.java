/**
 * Brokers and communities: degree, betweenness and PageRank centrality, brokerage between two groups, and Louvain
 * communities, all over the actor-to-actor projection (two actors are tied when they share a visible instrument,
 * programme, project or cable, or are directly related), computed in the application so that they answer the same
 * on the embedded Neo4j and on any Neo4j server, with or without Graph Data Science.
 * <p>
 * Uses {@code graph}.
 */
@NullMarked
package org.partneratlas.analytics;

import org.jspecify.annotations.NullMarked;
