/**
 * Reading, validating and writing curated data: the YAML files of {@code seed-data/} become one validated graph
 * (every problem in every file reported together, with file, line and reason) and are written in one transaction
 * with MERGE on stable ids, so a rejected load leaves the database untouched and a repeated load changes nothing.
 * <p>
 * Uses {@code graph} (vocabulary, Neo4j, Cypher files).
 */
@NullMarked
package org.partneratlas.ingest;

import org.jspecify.annotations.NullMarked;
