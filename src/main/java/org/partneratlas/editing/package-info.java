/**
 * Changing the graph through the API: editors and admins create and update actors, instruments, programmes,
 * projects, cables and topics, and link and unlink them with a role and dates. Every write is checked by the curated
 * data's own rules ({@code ingest.RecordRules}: the same marking-to-access derivation as the loader), cites a
 * source, carries a TLP marking no higher than the writer's clearance, names the version it read (a stale one is a
 * {@code CONFLICT} and changes nothing), and commits together with its audit event or not at all. The history of an
 * item is read back under the same visibility rules as the item.
 * <p>
 * Uses {@code graph} (vocabulary, Neo4j, the caller as {@code Author}) and {@code ingest} (the record rules).
 */
@NullMarked
package org.partneratlas.editing;

import org.jspecify.annotations.NullMarked;
