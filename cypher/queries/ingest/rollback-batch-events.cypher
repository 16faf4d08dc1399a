// The audit batches of a create-only import that failed: the changes they describe are being undone, so they never
// happened. Only that run's. Parameters: $run.
MATCH (b:AuditBatch {requestId: $run})
DELETE b
