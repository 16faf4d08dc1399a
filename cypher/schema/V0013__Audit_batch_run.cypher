// A failed create-only import deletes the audit batches of its run (they describe changes that never happened).
CREATE INDEX audit_batch_run IF NOT EXISTS
FOR (b:AuditBatch)
ON (b.requestId)
