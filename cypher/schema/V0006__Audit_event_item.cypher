// An item's history is read by the item's id (audit events are not entities: no read but history sees them).
CREATE INDEX audit_item IF NOT EXISTS
FOR (e:AuditEvent)
ON (e.itemId)
