// Appends a streamed import's audit events of creations in batches: one AuditBatch node stands for up to 500 CREATED or
// LINKED events, one entry per item in each of its lists (items, actions, froms, tos, versions, changes, accesses:
// the item's access list joined by spaces), with what the events share (id, by, role, requestId, reason, at).
// itemText, fromText and toText are the full-text index's keys. editing/history.cypher reads each entry as the
// event ingest/record-events.cypher would have written. Parameters: $batches. Batches are never matched, updated or
// deleted (but by ingest/rollback-batch-events.cypher, for a run being undone).
UNWIND $batches AS batch
CREATE (b:AuditBatch)
SET b = batch
SET b.at = datetime.transaction()
