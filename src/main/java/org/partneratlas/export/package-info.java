/**
 * Data out: exports of what a caller may see, in the formats Gephi, Cytoscape and NetworkX open unchanged (GraphML,
 * GEXF 1.3, Cytoscape.js JSON, CSV), of the whole visible graph, a neighbourhood, a path answer or a given view;
 * each file stamped with the highest TLP marking it holds and carrying its sources; written as rows arrive. And the
 * admin's lossless backup of everything, its restore into an empty store, and the checksum that proves the two equal.
 * <p>
 * Uses {@code graph} (the read gateway and its visibility predicate, the vocabulary) and {@code access} (who is
 * calling an HTTP endpoint outside GraphQL). Neighbourhoods and paths are answered by the {@code connections}
 * module's own statement files, so an export of one holds exactly what the API answers.
 */
@NullMarked
package org.partneratlas.export;

import org.jspecify.annotations.NullMarked;
