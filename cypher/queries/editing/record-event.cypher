// Appends an audit event in the write's own transaction: it commits with the change or not at all. Events are
// never matched for update or removal by any statement. Parameters: $event. Its time is the statement's, taken after
// the write locked its item: so an item's events are in the order of their commits (versions are random stamps and
// cannot order them).
CREATE (e:AuditEvent)
SET e = $event
SET e.at = datetime.statement()
