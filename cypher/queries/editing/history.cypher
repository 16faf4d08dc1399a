// An item's changes, newest first, as the caller may see them: an item's events show only when the caller may see
// the item as its latest event left it, and then every event after which the caller could see it. When the caller
// could not see the state before an event, the event shows that the item became visible (earlierHidden), without
// its changes. The newest event a caller sees is thus always the item's newest, with its current version. A tie's
// events also need both ends visible now. A node's history may add the events of its ties.
// Parameters: $id, $endId ($id to include ties, '' not to), $first, $grants.
MATCH (e:AuditEvent)
WHERE e.itemId = $id OR e.from = $endId OR e.to = $endId
WITH e
ORDER BY e.at DESC, e.version DESC
WITH e.itemId AS item, collect(e) AS events
WHERE any(g IN head(events).access WHERE g IN $grants)
UNWIND events AS e
WITH e
WHERE any(g IN e.access WHERE g IN $grants)
  AND (e.from IS NULL OR EXISTS { MATCH (a:Entity {id: e.from}) WHERE any(g IN a.access WHERE g IN $grants) })
  AND (e.to IS NULL OR EXISTS { MATCH (b:Entity {id: e.to}) WHERE any(g IN b.access WHERE g IN $grants) })
RETURN e AS event,
  (e.accessBefore IS NOT NULL AND NOT any(g IN e.accessBefore WHERE g IN $grants)) AS earlierHidden
ORDER BY e.at DESC, e.version DESC
LIMIT $first
