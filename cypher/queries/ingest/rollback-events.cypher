// The audit events of one batch of a streamed import that failed: the changes they describe are being undone, so they
// never happened. Only events of that run, found by the items the batch's journal names. Parameters: $run, $ids.
UNWIND $ids AS id
MATCH (e:AuditEvent {itemId: id})
WHERE e.requestId = $run
DELETE e
