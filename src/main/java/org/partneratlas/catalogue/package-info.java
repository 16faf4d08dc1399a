/**
 * Who and what is in the graph: lookups by id, search, filtered listings with cursors, and the profile of a node
 * (everything that ties it). Every read takes the caller's visibility.
 * <p>
 * Uses {@code graph}.
 */
@NullMarked
package org.partneratlas.catalogue;

import org.jspecify.annotations.NullMarked;
