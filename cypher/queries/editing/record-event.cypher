// Appends an audit event in the write's own transaction: it commits with the change or not at all. Events are
// never matched for update or removal by any statement. Parameters: $event.
CREATE (e:AuditEvent)
SET e = $event
SET e.at = datetime.transaction()
