// A node's history adds the events of the ties it ends.
CREATE INDEX audit_to IF NOT EXISTS
FOR (e:AuditEvent)
ON (e.to)
