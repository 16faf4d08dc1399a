// Appends an import's audit events, one per change, in one batch: the events editing/record-event.cypher makes.
// Parameters: $events. Events are never matched, updated or deleted.
UNWIND $events AS event
CREATE (e:AuditEvent)
SET e = event
SET e.at = datetime.transaction()
