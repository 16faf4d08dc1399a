// A node's history adds the events of the ties it starts.
CREATE INDEX audit_from IF NOT EXISTS
FOR (e:AuditEvent)
ON (e.from)
