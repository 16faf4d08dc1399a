// A streamed import records the audit events of its creations in batches (AuditBatch: one node for up to 500 items, with
// one entry per item in each list property); history finds an item's batch through its id in the batch's itemText
// (the ids joined by spaces), and a node's ties' batches through fromText and toText. Ids hold no whitespace, so the
// whitespace analyser makes every id one exact, case-kept token (a range index cannot look into a list).
CREATE FULLTEXT INDEX audit_batch_items IF NOT EXISTS
FOR (b:AuditBatch)
ON EACH [b.itemText, b.fromText, b.toText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}
